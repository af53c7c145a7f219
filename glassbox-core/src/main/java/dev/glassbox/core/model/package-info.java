/** The model contract every explainer sees ({@link dev.glassbox.core.model.Model}), shapes, targets and batch checks. */
package dev.glassbox.core.model;
