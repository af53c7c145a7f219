package dev.glassbox.cli;

import dev.glassbox.core.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws the library's {@link Progress} reports as progress bars on stderr, one bar per task name. */
public final class ProgressBars implements Progress, AutoCloseable {
    private ProgressBar bar;
    private String task;

    @Override
    public void update(String taskName, long done, long total) {
        if (bar == null || !taskName.equals(task)) {
            close();
            task = taskName;
            bar = new ProgressBarBuilder().setTaskName(taskName).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
        }
        bar.stepTo(done);
        if (done >= total) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
