package io.mcremulator.core.model;

/** The docker login pair of one user, plus the email that goes in pull secrets. */
public record CredentialsInfo(String username, String password, String email) {}
