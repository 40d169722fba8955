package org.hms.hub.console.gui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/** A repaint manager that records every Swing change made off the event thread (e.g. from a network worker). */
final class EventThreadGuard extends RepaintManager {

    final List<String> violations = new CopyOnWriteArrayList<>();

    static EventThreadGuard install() {
        EventThreadGuard guard = new EventThreadGuard();
        RepaintManager.setCurrentManager(guard);
        return guard;
    }

    @Override
    public synchronized void addInvalidComponent(JComponent component) {
        check(component);
        super.addInvalidComponent(component);
    }

    @Override
    public void addDirtyRegion(JComponent component, int x, int y, int w, int h) {
        check(component);
        super.addDirtyRegion(component, x, y, w, h);
    }

    private void check(JComponent component) {
        if (!SwingUtilities.isEventDispatchThread() && component.isShowing()) {
            violations.add(component.getClass().getName() + " changed on " + Thread.currentThread().getName());
        }
    }
}
