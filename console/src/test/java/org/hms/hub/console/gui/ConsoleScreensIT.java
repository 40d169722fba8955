package org.hms.hub.console.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.hms.hub.console.client.HubClient;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.login.LoginDialog;
import org.hms.hub.console.main.MainFrame;
import org.hms.hub.console.settings.ConsoleSettings;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real window (Xvfb in CI) against the real hub started with the launcher: log in, see the
 * dashboard, create a connector, test it, find both in the audit log; a PNG of each screen under
 * {@code target/screenshots}. Fails on any Swing change made off the event thread.
 */
class ConsoleScreensIT {

    private static final String ADMIN_PASSWORD = "Console-IT-Admin-Pw-63";
    private static org.hms.hub.testsupport.LaunchedHub hub;
    private static FakePeer lab;
    private static EventThreadGuard guard;

    @BeforeAll
    static void hubAndPeer() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (Xvfb): .ci/run provides one");
        hub = org.hms.hub.testsupport.LaunchedHub.start(java.nio.file.Path.of(System.getProperty("it.data.dir")),
                ADMIN_PASSWORD);
        lab = FakePeer.start().on("/lab/health", r -> Reply.json(200, "{\"status\":\"UP\"}").after(40))
                .on("/lab/orders", r -> Reply.json(422, "{\"error\":\"specimen type missing\"}"));
        SwingUtilities.invokeAndWait(() -> {
            Theme.install(false);
            guard = EventThreadGuard.install();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void logsInCreatesTestsAndAuditsAConnector() throws Exception {
        ConsoleSettings settings = new ConsoleSettings(Preferences.userRoot().node("org/hms/hub/console-it"));
        settings.server(hub.base().toString());
        AtomicReference<MainFrame> main = new AtomicReference<>();
        SwingUtilities.invokeLater(() -> {
            HubClient client = new LoginDialog(null, settings).showAndLogin();
            MainFrame frame = new MainFrame(client, settings, () -> { });
            frame.setVisible(true);
            main.set(frame);
        });

        JDialog login = (JDialog) await("the login dialog", () -> window(w -> w instanceof LoginDialog));
        onEdt(() -> {
            text(login, "user").setText("admin");
            text(login, "password").setText(ADMIN_PASSWORD);
        });
        shoot(login, "01-login");
        onEdt(() -> button(login, "Log in").doClick());

        MainFrame frame = await("the main window", () -> Optional.ofNullable(main.get()));
        await("the dashboard", () -> Optional.ofNullable(find(frame, c -> "summary".equals(c.getName())
                && ((javax.swing.JLabel) c).getText().contains("connectors"))));
        shoot(frame, "02-dashboard");

        onEdt(() -> frame.showTab("Connectors"));
        SwingUtilities.invokeLater(() -> button(frame, "New…").doClick()); // opens a modal form: do not wait
        JDialog form = (JDialog) await("the connector form", () -> window(w -> w instanceof JDialog d
                && "New connector".equals(d.getTitle())));
        onEdt(() -> {
            text(form, "name").setText("Ward lab");
            combo(form, "type").setSelectedItem(ConnectorType.LAB_SYSTEM);
            text(form, "endpoint").setText(lab.uri("/lab").toString());
            combo(form, "authType").setSelectedItem(AuthType.API_KEY);
            text(form, "credentials.apiKey").setText("console-it-key-1");
            text(form, "healthPath").setText("/health");
        });
        onEdt(() -> button(form, "Save").doClick());
        await("the endpoint message", () -> Optional.ofNullable(find(form, c -> "error.endpoint".equals(c.getName())
                && c.isVisible())));
        shoot(form, "03-connector-form-validation");
        onEdt(() -> {
            ((javax.swing.JCheckBox) find(form, c -> "localNetwork".equals(c.getName()))).setSelected(true);
            button(form, "Save").doClick();
        });
        await("the form to close", () -> form.isDisplayable() ? Optional.empty() : Optional.of(form));
        JTable connectors = (JTable) find(frame, c -> "connectors".equals(c.getName()));
        await("the new connector in the table", () -> rowOf(connectors, "Ward lab") >= 0 ? Optional.of(1) : Optional.empty());
        shoot(frame, "04-connectors");

        onEdt(() -> {
            int row = rowOf(connectors, "Ward lab");
            connectors.setRowSelectionInterval(row, row);
            button(frame, "Test connection").doClick();
        });
        JDialog result = (JDialog) await("the test result", () -> window(w -> w instanceof JDialog d
                && d.getTitle().startsWith("Connection test")));
        shoot(result, "05-connection-test");
        SwingUtilities.invokeLater(() -> button(result, "OK").doClick());

        onEdt(() -> frame.showTab("Audit log"));
        JTable audit = (JTable) find(frame, c -> "audit".equals(c.getName()));
        // the audit trail records events asynchronously (broker → audit consumer), and the panel shows what was
        // there when it loaded: refresh it, as a user would, until both entries are in
        AbstractButton refresh = (AbstractButton) find(frame, c -> "audit.refresh".equals(c.getName()));
        long[] lastRefresh = {System.nanoTime()};
        await("the connector's audit entries", () -> {
            if (rowOf(audit, "ConnectorTested") >= 0 && rowOf(audit, "ConnectorCreated") >= 0) {
                return Optional.of(1);
            }
            if (System.nanoTime() - lastRefresh[0] > Duration.ofSeconds(1).toNanos()) {
                lastRefresh[0] = System.nanoTime();
                refresh.doClick();
            }
            return Optional.empty();
        });
        onEdt(() -> audit.setRowSelectionInterval(rowOf(audit, "ConnectorTested"), rowOf(audit, "ConnectorTested")));
        shoot(frame, "06-audit");
        onEdt(() -> {
            text(frame, "audit.action").setText("ConnectorCreated");
            ((JButton) find(frame, c -> "audit.search".equals(c.getName()))).doClick();
        });
        await("only creations in the filtered trail", () -> audit.getRowCount() > 0 && rowOf(audit, "ConnectorTested") < 0
                ? Optional.of(1) : Optional.empty());
        SwingUtilities.invokeLater(() -> ((JButton) find(frame, c -> "audit.verify".equals(c.getName()))).doClick());
        JDialog verified = (JDialog) await("the chain's verification", () -> window(w -> w instanceof JDialog d
                && "Audit chain".equals(d.getTitle())));
        assertThat(((javax.swing.JTextArea) find(verified, c -> "audit.verification".equals(c.getName()))).getText())
                .startsWith("The chain is intact");
        shoot(verified, "06b-audit-verified");
        SwingUtilities.invokeLater(() -> button(verified, "OK").doClick());
        onEdt(() -> {
            text(frame, "audit.action").setText("");
            ((JButton) find(frame, c -> "audit.search".equals(c.getName()))).doClick();
        });

        HubClient direct = new HubClient(hub.base());
        direct.login("admin", ADMIN_PASSWORD);
        direct.post("api/mappings", new org.hms.hub.model.mapping.MappingRequest("Orders to OMS", null, "Order",
                org.hms.hub.model.mapping.MappingDirection.OUTBOUND, org.hms.hub.model.mapping.MappingFormat.JSON,
                org.hms.hub.model.mapping.MappingFormat.JSON, org.hms.hub.console.common.Json.readMap("{\"rules\":["
                        + "{\"kind\":\"copy\",\"from\":\"/id\",\"to\":\"/ext_code\"},"
                        + "{\"kind\":\"copy\",\"from\":\"/title\",\"to\":\"/data/title\"}]}")), Object.class);
        onEdt(() -> frame.showTab("Mappings"));
        await("the mapping's definition", () -> Optional.ofNullable(find(frame, c -> "definition".equals(c.getName())
                && ((javax.swing.JTextArea) c).getText().contains("ext_code"))));
        onEdt(() -> button(frame, "Preview").doClick());
        await("the preview output", () -> Optional.ofNullable(find(frame, c -> "output".equals(c.getName())
                && ((javax.swing.JTextArea) c).getText().contains("\"ext_code\""))));
        shoot(frame, "07-mapping-preview");
        javax.swing.JComboBox<?> versionBox = (javax.swing.JComboBox<?>) find(frame, c -> "versions".equals(c.getName()));
        assertThat(versionBox.getItemCount()).isEqualTo(1);
        assertThat(((org.hms.hub.model.mapping.MappingVersionView) versionBox.getSelectedItem()).active()).isTrue();

        long wardLab = deadLetterFor(direct, "Ward lab");
        onEdt(() -> frame.showTab("Dead letters"));
        JTable letters = (JTable) find(frame, c -> "deadLetters".equals(c.getName()));
        await("the refused order as a dead letter", () -> {
            if (rowOf(letters, "REJECTED") < 0) {
                SwingUtilities.invokeLater(() -> ((JButton) find(frame, c -> "deadLetters.refresh".equals(c.getName())))
                        .doClick());
                return Optional.empty();
            }
            return Optional.of(1);
        });
        onEdt(() -> letters.setRowSelectionInterval(rowOf(letters, "REJECTED"), rowOf(letters, "REJECTED")));
        await("the dead letter's payload", () -> Optional.ofNullable(find(frame, c -> "deadLetterPayload"
                .equals(c.getName()) && ((javax.swing.JTextArea) c).getText().contains("ord-17"))));
        shoot(frame, "08-dead-letters");

        onEdt(() -> frame.showTab("Connectors"));
        await("the lab in the table", () -> rowOf(connectors, "Ward lab") >= 0 ? Optional.of(1) : Optional.empty());
        onEdt(() -> connectors.setRowSelectionInterval(rowOf(connectors, "Ward lab"), rowOf(connectors, "Ward lab")));
        SwingUtilities.invokeLater(() -> button(frame, "Sync…").doClick()); // modal: do not wait
        JDialog modes = (JDialog) await("the sync mode question", () -> window(w -> w instanceof JDialog d
                && d.getTitle().startsWith("Sync Ward lab") && find(d, c -> c instanceof JButton b
                && "Resend missed".equals(b.getText())) != null));
        SwingUtilities.invokeLater(() -> button(modes, "Resend missed").doClick());
        JDialog job = (JDialog) await("the sync job dialog", () -> window(w -> w instanceof JDialog d
                && "syncJob".equals(d.getName())));
        await("the sync job to finish", () -> Optional.ofNullable(find(job, c -> "syncState".equals(c.getName())
                && ((javax.swing.JLabel) c).getText().contains("finished"))));
        shoot(job, "09-sync-job");
        SwingUtilities.invokeLater(() -> button(job, "Close").doClick());
        onEdt(() -> frame.showTab("Audit log"));
        await("the sync job in the audit log", () -> {
            if (rowOf(audit, "SyncJobStarted") < 0 || rowOf(audit, "SyncJobFinished") < 0) {
                SwingUtilities.invokeLater(() -> ((JButton) find(frame, c -> "audit.refresh".equals(c.getName())))
                        .doClick());
                return Optional.empty();
            }
            return Optional.of(1);
        });
        onEdt(() -> audit.setRowSelectionInterval(rowOf(audit, "SyncJobStarted"), rowOf(audit, "SyncJobStarted")));
        shoot(frame, "09b-audit-after-sync");
        assertThat(wardLab).isPositive();

        onEdt(() -> frame.showTab("Dashboard"));
        await("the connector's card with its traffic", () -> Optional.ofNullable(find(frame, c -> c.getName() != null
                && c.getName().startsWith("traffic."))));
        shoot(frame, "10-dashboard-cards");

        org.hms.hub.testsupport.OrderFixture orders = org.hms.hub.testsupport.OrderFixture.create(
                org.hms.hub.testsupport.Hub.login("admin", ADMIN_PASSWORD), "ConsoleScreensIT");
        try {
            orders.mapUser("u-1", "oms-u-1");
            long mri = orders.api().createOrder("MRI brain with contrast", "u-1",
                    org.hms.hub.testsupport.FakeHmsApi.items("MRI head", "contrast agent"));
            long blood = orders.api().createOrder("Blood panel", "u-1", org.hms.hub.testsupport.FakeHmsApi.items("CBC"));
            await("both orders in HMS-OMS", () -> "SYNCED".equals(orders.syncState(mri))
                    && "SYNCED".equals(orders.syncState(blood)) ? Optional.of(1) : Optional.empty());
            orders.oms().fulfil(Long.parseLong(orders.order(mri).getJsonObject("order").getString("omsOrderId")));
            await("the fulfilment in HMS-API", () -> "fulfilled".equals(orders.api().status(mri))
                    && "SYNCED".equals(orders.syncState(mri)) ? Optional.of(1) : Optional.empty());
            onEdt(() -> frame.showTab("Orders"));
            JTable orderTable = (JTable) find(frame, c -> "orders".equals(c.getName()));
            await("the orders in the table", () -> rowOf(orderTable, Long.toString(mri)) >= 0 ? Optional.of(1)
                    : Optional.empty());
            onEdt(() -> orderTable.setRowSelectionInterval(rowOf(orderTable, Long.toString(mri)),
                    rowOf(orderTable, Long.toString(mri))));
            JTable history = (JTable) find(frame, c -> "orders.history".equals(c.getName()));
            await("the order's sync history", () -> rowOf(history, "FULFILMENT") >= 0 ? Optional.of(1)
                    : Optional.empty());
            shoot(frame, "11-orders");
            SwingUtilities.invokeLater(() -> ((JButton) find(frame, c -> "orders.reconcile".equals(c.getName())))
                    .doClick());
            JDialog confirm = (JDialog) await("the reconciliation question", () -> window(w -> w instanceof JDialog d
                    && "Reconcile now".equals(d.getTitle())));
            SwingUtilities.invokeLater(() -> button(confirm, "OK").doClick());
            JDialog report = (JDialog) await("the reconciliation report", () -> window(w -> w instanceof JDialog d
                    && "Reconciliation report".equals(d.getTitle())));
            assertThat(((javax.swing.JTextArea) find(report, c -> "orders.reconcileReport".equals(c.getName())))
                    .getText()).contains("0 missing in HMS-OMS");
            shoot(report, "12-reconciliation-report");
            SwingUtilities.invokeLater(() -> button(report, "OK").doClick());
        } finally {
            orders.close();
        }

        assertThat(lab.requests("/lab/health")).isNotEmpty();
        assertThat(lab.requests("/lab/health").get(0).header("X-API-Key")).isEqualTo("console-it-key-1");
        assertThat(guard.violations).as("Swing changes off the event thread").isEmpty();
        onEdt(frame::dispose);
    }

    /**
     * Sends a signed order webhook that the lab refuses (422), so that a dead letter exists: a webhook source, the
     * lab subscribed to its orders. Returns the lab connector's id.
     */
    private static long deadLetterFor(HubClient direct, String labName) throws Exception {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("console-it-webhook-secret-0123"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.hms.hub.model.connector.ConnectorView source = direct.post("api/connectors",
                new org.hms.hub.model.connector.ConnectorRequest("Order API", ConnectorType.API, null, null,
                        "http://127.0.0.1:9/api", true, AuthType.NONE, null, null, null, null, null, null, null,
                        new org.hms.hub.model.connector.WebhookSettings(true,
                                org.hms.hub.model.connector.WebhookStyle.STANDARD, secret)),
                org.hms.hub.model.connector.ConnectorView.class);
        org.hms.hub.model.connector.ConnectorPage labs = direct.get("api/connectors", HubClient.query("q", labName),
                org.hms.hub.model.connector.ConnectorPage.class);
        long labId = labs.items().get(0).id();
        direct.put("api/connectors/" + source.id() + "/status", new org.hms.hub.model.connector.StatusChange(
                org.hms.hub.model.connector.ConnectorStatus.ACTIVE, "it"), Object.class);
        direct.put("api/connectors/" + labId + "/status", new org.hms.hub.model.connector.StatusChange(
                org.hms.hub.model.connector.ConnectorStatus.ACTIVE, "it"), Object.class);
        direct.post("api/subscriptions", new org.hms.hub.model.sync.SubscriptionRequest("LabOrderPlaced", labId, null,
                null, "/orders", null), Object.class);
        String body = "{\"type\":\"LabOrderPlaced\",\"payload\":{\"id\":\"ord-17\",\"test\":\"CBC\"}}";
        long ts = java.time.Instant.now().getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)),
                "HmacSHA256"));
        String signature = "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(("wh-1." + ts + "." + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.net.http.HttpResponse<String> sent = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(hub.base().resolve("/api/webhooks/" + source.id()))
                        .header("Content-Type", "application/json").header("webhook-id", "wh-1")
                        .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        return labId;
    }

    private static int rowOf(JTable table, String text) {
        for (int r = 0; r < table.getRowCount(); r++) {
            for (int c = 0; c < table.getColumnCount(); c++) {
                if (text.equals(String.valueOf(table.getValueAt(r, c)))) {
                    return r;
                }
            }
        }
        return -1;
    }

    private static Optional<Window> window(Predicate<Window> which) {
        return Arrays.stream(Window.getWindows()).filter(Window::isShowing).filter(which).findFirst();
    }

    private static Component find(Container root, Predicate<Component> which) {
        for (Component c : root.getComponents()) {
            if (which.test(c)) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, which);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JTextField text(Container root, String name) {
        return (JTextField) find(root, c -> name.equals(c.getName()));
    }

    private static JComboBox<?> combo(Container root, String name) {
        return (JComboBox<?>) find(root, c -> name.equals(c.getName()));
    }

    private static AbstractButton button(Container root, String label) {
        return (AbstractButton) find(root, c -> c instanceof AbstractButton b && label.equals(b.getText()));
    }

    private static void onEdt(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            AtomicReference<Optional<T>> seen = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> seen.set(probe.get()));
            if (seen.get().isPresent()) {
                return seen.get().get();
            }
            Thread.sleep(150);
        }
        int n = 0;
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                shoot(w, "timeout-" + (n++));
            }
        }
        throw new AssertionError("Timed out waiting for " + what + " (the open windows are in target/screenshots)");
    }

    /**
     * Captures the window as the screen shows it into a PNG under target/screenshots; checks it is not blank. The
     * X server may show a newly mapped window black for a while (a fresh Xvfb, a busy machine): the capture is
     * taken again for up to 10 s until the window shows something, and if the screen still shows nothing (seen in
     * CI after 20 minutes of an idle Xvfb), the window's own rendering is kept and checked instead.
     */
    private static void shoot(Window window, String name) throws Exception {
        Thread.sleep(400);
        AtomicReference<java.awt.Rectangle> bounds = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            window.toFront();
            bounds.set(new java.awt.Rectangle(window.getLocationOnScreen(), window.getSize()));
        });
        Thread.sleep(200);
        java.awt.Robot robot = new java.awt.Robot();
        // an input event, so that an X screen saver (Xvfb blanks after ten idle minutes by default) is not what
        // the capture shows
        robot.mouseMove(bounds.get().x + bounds.get().width - 2, bounds.get().y + bounds.get().height - 2);
        BufferedImage image = robot.createScreenCapture(bounds.get());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (distinctColours(image) <= 8 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            SwingUtilities.invokeAndWait(window::repaint);
            image = robot.createScreenCapture(bounds.get());
        }
        if (distinctColours(image) <= 8) {
            // the X server still shows nothing there: keep the window's own rendering instead, which must show
            // something all the same
            System.err.println("Screenshot " + name + ": the X server showed the window blank for 10 s; keeping"
                    + " the window's own rendering");
            BufferedImage rendered = new BufferedImage(bounds.get().width, bounds.get().height, BufferedImage.TYPE_INT_RGB);
            SwingUtilities.invokeAndWait(() -> {
                java.awt.Graphics2D g = rendered.createGraphics();
                window.printAll(g);
                g.dispose();
            });
            image = rendered;
        }
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        assertThat(distinctColours(image)).as("screenshot %s shows something", name).isGreaterThan(8);
    }

    private static long distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
