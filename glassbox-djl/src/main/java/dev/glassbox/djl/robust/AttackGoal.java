package dev.glassbox.djl.robust;

/** What an attack does with the class it is given for each sample. */
public enum AttackGoal {
    /** Raise the cross-entropy of the given class (its true or predicted class): move away from it. */
    UNTARGETED,
    /** Lower the cross-entropy of the given class: move towards it. */
    TARGETED
}
