package org.hms.hub.console.sync;

import java.awt.Component;
import java.awt.Window;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.SyncApi;
import org.hms.hub.console.common.Errors;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.sync.SyncJobView;
import org.hms.hub.model.sync.SyncMode;

/**
 * Starts a manual sync and follows its job to the end: a progress bar (indeterminate while the source has not
 * said how much there is), the counts, and Cancel. The job is read every half second in the background.
 */
public final class SyncJobDialog extends JDialog {

    private final SyncApi api;
    private final JProgressBar progress = new JProgressBar(0, 100);
    private final JLabel state = new JLabel("Starting…");
    private final JLabel counts = new JLabel(" ");
    private final JButton cancel = new JButton("Cancel sync");
    private final JButton close = new JButton("Close");
    private final Timer poll = new Timer(500, e -> refresh());
    private SyncJobView job;
    private boolean reading;

    private SyncJobDialog(Window owner, SyncApi api, String connectorName) {
        super(owner, "Sync " + connectorName, ModalityType.APPLICATION_MODAL);
        this.api = api;
        setName("syncJob");
        progress.setName("syncProgress");
        progress.setStringPainted(true);
        progress.setIndeterminate(true);
        state.setName("syncState");
        counts.setName("syncCounts");
        cancel.addActionListener(e -> cancel());
        close.addActionListener(e -> dispose());
        close.setEnabled(false);
        getContentPane().setLayout(new MigLayout("insets dialog, wrap 1, fillx", "[400:400:,grow,fill]"));
        add(state);
        add(progress);
        add(counts);
        add(cancel, "split 2, tag cancel, growx 0");
        add(close, "tag ok, growx 0");
        pack();
        setLocationRelativeTo(owner);
    }

    /** Starts the sync and shows its progress; returns when the dialog is closed. */
    public static void run(Component parent, SyncApi api, long connectorId, String connectorName, SyncMode mode) {
        SyncJobDialog dialog = new SyncJobDialog(SwingUtilities.getWindowAncestor(parent), api, connectorName);
        Work.start(parent, "Starting the sync of " + connectorName, () -> api.sync(connectorId, mode, null), job -> {
            dialog.show(job);
            dialog.poll.start();
        }, e -> {
            dialog.dispose();
            Errors.show(parent, "Starting the sync of " + connectorName, e);
        });
        dialog.setVisible(true);
    }

    private void refresh() {
        if (reading || job == null) {
            return;
        }
        reading = true;
        Work.start(this, "Reading the sync job", () -> api.job(job.id().toString()), j -> {
            reading = false;
            show(j);
        }, e -> {
            reading = false;
            state.setText("Cannot read the job: " + e.getMessage());
        });
    }

    private void cancel() {
        if (job == null) {
            return;
        }
        cancel.setEnabled(false);
        Work.start(this, "Cancelling the sync", () -> api.cancel(job.id().toString()), this::show, e -> {
            cancel.setEnabled(true);
            Errors.show(this, "Cancelling the sync", e);
        });
    }

    void show(SyncJobView j) {
        job = j;
        boolean done = j.state().isFinal();
        progress.setIndeterminate(!done && j.progress() == null);
        if (done || j.progress() != null) {
            progress.setValue(done ? 100 : j.progress());
        }
        state.setText((j.mode() == SyncMode.FULL ? "Full sync: " : "Resend missed: ") + switch (j.state()) {
            case QUEUED -> "waiting to start";
            case RUNNING -> "running";
            case SUCCEEDED -> "finished";
            case FAILED -> "failed — " + j.error();
            case CANCELLED -> "cancelled";
        });
        counts.setText("<html>read <b>" + j.read() + "</b>" + (j.total() != null ? " of " + j.total() : "")
                + " &nbsp; enqueued <b>" + j.enqueued() + "</b> &nbsp; skipped " + j.skipped()
                + "<br>delivered <b>" + j.delivered() + "</b> &nbsp; failed " + j.failed() + " &nbsp; pending "
                + j.pending() + "</html>");
        if (done) {
            cancel.setEnabled(false);
            close.setEnabled(true);
            if (j.pending() == 0) {
                poll.stop();
            }
        }
    }

    @Override
    public void dispose() {
        poll.stop();
        super.dispose();
    }
}
