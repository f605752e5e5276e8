package dev.sluice.central.auth;

import java.time.Instant;

/** A person who signs in to central. */
public record User(String id, String tenantId, String email, String name, Role role, boolean operator, Instant createdAt) {}
