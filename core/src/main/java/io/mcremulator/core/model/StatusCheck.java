package io.mcremulator.core.model;

/** Answer of the proxy-cache status operations: {@code valid}/{@code invalid} or {@code connected}/{@code unreachable}. */
public record StatusCheck(String status, String message) {}
