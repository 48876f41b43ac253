package io.mcremulator.core.model;

import java.time.Instant;

/** One tag of an image ({@code tags_details} item). */
public record TagInfo(String name, Instant pushedAt, Instant pulledAt, boolean signed) {}
