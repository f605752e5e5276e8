package dev.sluice.central.auth;

import java.time.Instant;

/** A newly issued credential: the secret {@code token} is shown only this once. */
public record IssuedToken(String id, String token, String kind, String name, Role role, Instant expiresAt) {}
