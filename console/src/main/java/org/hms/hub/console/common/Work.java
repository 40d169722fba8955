package org.hms.hub.console.common;

import java.awt.Component;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.SwingWorker;
import org.hms.hub.console.client.HubException;

/**
 * Runs a call to the hub off the event thread and hands its result (or a readable error dialog) back on it.
 * Every network call of the console goes through here.
 */
public final class Work {

    /** A call that may fail with the hub's words. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws HubException;
    }

    private Work() {
    }

    public static <T> SwingWorker<T, Void> start(Component owner, String what, Call<T> call, Consumer<T> done) {
        return start(owner, what, call, done, e -> Errors.show(owner, what, e));
    }

    public static <T> SwingWorker<T, Void> start(Component owner, String what, Call<T> call, Consumer<T> done,
                                                 Consumer<HubException> failed) {
        SwingWorker<T, Void> worker = new SwingWorker<>() {
            @Override
            protected T doInBackground() throws HubException {
                return call.run();
            }

            @Override
            protected void done() {
                try {
                    done.accept(get());
                } catch (CancellationException cancelled) {
                    // the user cancelled; nothing to report
                } catch (ExecutionException e) {
                    failed.accept(e.getCause() instanceof HubException h ? h
                            : new HubException(HubException.Kind.OTHER, String.valueOf(e.getCause()), null, e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        worker.execute();
        return worker;
    }
}
