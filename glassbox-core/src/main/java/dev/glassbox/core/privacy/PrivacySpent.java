package dev.glassbox.core.privacy;

/** An (ε, δ) guarantee and the Rényi order α at which the accountant found it. */
public record PrivacySpent(double epsilon, double delta, double order) {
}
