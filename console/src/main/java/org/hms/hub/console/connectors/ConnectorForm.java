package org.hms.hub.console.connectors;

import java.awt.Window;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.ConnectorsApi;
import org.hms.hub.console.client.HubException;
import org.hms.hub.console.client.Versioned;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.Credentials;
import org.hms.hub.model.connector.WebhookSettings;
import org.hms.hub.model.connector.WebhookStyle;
import org.hms.hub.model.problem.Problem;

/**
 * Create or edit a connector. Secrets are typed into masked fields and never shown: an empty secret field on an
 * edit keeps the stored secret. The hub's field messages appear under the fields they concern.
 */
public class ConnectorForm extends JDialog {

    private final ConnectorsApi api;
    private final Versioned<ConnectorView> editing;
    private final Map<String, JLabel> messages = new HashMap<>();
    private final JTextField name = new JTextField(30);
    private final JComboBox<ConnectorType> type = new JComboBox<>(ConnectorType.values());
    private final JTextField provider = new JTextField(30);
    private final JTextField description = new JTextField(30);
    private final JTextField endpoint = new JTextField(30);
    private final JCheckBox localNetwork = new JCheckBox("On the hospital's local network (allows http://)");
    private final JComboBox<AuthType> authType = new JComboBox<>(AuthType.values());
    private final JPasswordField apiKey = new JPasswordField(30);
    private final JTextField apiKeyHeader = new JTextField(30);
    private final JTextField username = new JTextField(30);
    private final JPasswordField password = new JPasswordField(30);
    private final JPasswordField token = new JPasswordField(30);
    private final JTextField clientId = new JTextField(30);
    private final JPasswordField clientSecret = new JPasswordField(30);
    private final JTextField tokenUrl = new JTextField(30);
    private final JTextField scopes = new JTextField(30);
    private final JTextArea headers = new JTextArea(3, 30);
    private final JSpinner timeout = new JSpinner(new SpinnerNumberModel(10_000, 100, 300_000, 500));
    private final JSpinner retries = new JSpinner(new SpinnerNumberModel(5, 0, 20, 1));
    private final JTextField healthPath = new JTextField(30);
    private final JCheckBox webhook = new JCheckBox("Receives webhooks from this system");
    private final JComboBox<WebhookStyle> webhookStyle = new JComboBox<>(WebhookStyle.values());
    private final JPasswordField webhookSecret = new JPasswordField(30);
    /** Where the system sends its webhooks: the hub's public URL for this connector (or the path alone). */
    private final JTextField webhookUrl = new JTextField(30);
    private final JButton save = new JButton("Save");
    private ConnectorView saved;

    public ConnectorForm(Window owner, ConnectorsApi api, Versioned<ConnectorView> editing) {
        super(owner, editing == null ? "New connector" : "Edit " + editing.value().name(), ModalityType.APPLICATION_MODAL);
        this.api = api;
        this.editing = editing;
        setLayout(new MigLayout("insets dialog, wrap 2, hidemode 3", "[right][grow,fill]"));
        field("Name", "name", name);
        field("Type", "type", type);
        field("Provider", "provider", provider);
        field("Description", "description", description);
        field("Endpoint", "endpoint", endpoint);
        field("", "localNetwork", localNetwork);
        field("Auth type", "authType", authType);
        field("API key", "credentials.apiKey", apiKey);
        field("API key header", "credentials.apiKeyHeader", apiKeyHeader);
        field("User name", "credentials.username", username);
        field("Password", "credentials.password", password);
        field("Token", "credentials.token", token);
        field("Client id", "credentials.clientId", clientId);
        field("Client secret", "credentials.clientSecret", clientSecret);
        field("Token URL", "credentials.tokenUrl", tokenUrl);
        field("Scopes", "credentials.scopes", scopes);
        field("Headers (Name: value)", "headers", new JScrollPane(headers));
        field("Timeout (ms)", "timeoutMs", timeout);
        field("Retries", "retryAttempts", retries);
        field("Health path", "healthPath", healthPath);
        field("", "webhook", webhook);
        field("Webhook signing", "webhook.style", webhookStyle);
        field("Webhook secret", "webhook.secret", webhookSecret);
        field("Webhook URL", "webhook.url", webhookUrl);
        webhookUrl.setEditable(false);
        webhookUrl.setText("shown once the connector is saved");
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        save.addActionListener(e -> save());
        add(cancel, "skip, split 2, right, tag cancel");
        add(save, "tag ok");
        authType.addActionListener(e -> showCredentialFields());
        webhook.addActionListener(e -> showCredentialFields());
        if (editing != null) {
            fill(editing.value());
        }
        showCredentialFields();
        getRootPane().setDefaultButton(save);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the form; the saved connector, or null when cancelled. */
    public ConnectorView showAndSave() {
        setVisible(true);
        return saved;
    }

    private void field(String label, String key, JComponent input) {
        JLabel message = new JLabel();
        message.setForeground(Theme.color("Hub.field.error"));
        message.setVisible(false);
        message.setName("error." + key);
        input.setName(key);
        messages.put(key, message);
        JLabel caption = new JLabel(label);
        add(caption);
        add(input);
        add(message, "skip, wmin 0");
        input.putClientProperty("caption", caption);
    }

    private void showCredentialFields() {
        AuthType auth = (AuthType) authType.getSelectedItem();
        visible(apiKey, auth == AuthType.API_KEY);
        visible(apiKeyHeader, auth == AuthType.API_KEY);
        visible(username, auth == AuthType.BASIC_AUTH);
        visible(password, auth == AuthType.BASIC_AUTH);
        visible(token, auth == AuthType.TOKEN);
        for (JComponent c : List.of(clientId, clientSecret, tokenUrl, scopes)) {
            visible(c, auth == AuthType.OAUTH);
        }
        visible(webhookStyle, webhook.isSelected());
        visible(webhookSecret, webhook.isSelected());
        visible(webhookUrl, webhook.isSelected());
        pack();
    }

    private static void visible(JComponent input, boolean on) {
        input.setVisible(on);
        ((JComponent) input.getClientProperty("caption")).setVisible(on);
    }

    private void fill(ConnectorView c) {
        name.setText(c.name());
        type.setSelectedItem(c.type());
        provider.setText(c.provider());
        description.setText(c.description());
        endpoint.setText(c.endpoint());
        localNetwork.setSelected(c.localNetwork());
        authType.setSelectedItem(c.authType());
        apiKeyHeader.setText(c.credentials().apiKeyHeader());
        username.setText(c.credentials().username());
        clientId.setText(c.credentials().clientId());
        tokenUrl.setText(c.credentials().tokenUrl());
        scopes.setText(String.join(" ", c.credentials().scopes()));
        StringBuilder text = new StringBuilder();
        c.headers().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        headers.setText(text.toString().strip());
        timeout.setValue(c.timeoutMs());
        retries.setValue(c.retryAttempts());
        healthPath.setText(c.healthPath());
        webhook.setSelected(c.webhook().enabled());
        webhookUrl.setText(c.webhook().url() != null ? c.webhook().url()
                : c.webhook().path() + "  (set hub.public-url on the hub for the whole address)");
        webhookUrl.setCaretPosition(0);
        if (c.webhook().style() != null) {
            webhookStyle.setSelectedItem(c.webhook().style());
        }
        for (JPasswordField secret : List.of(apiKey, password, token, clientSecret, webhookSecret)) {
            secret.putClientProperty("JTextField.placeholderText", "stored — leave empty to keep");
        }
    }

    ConnectorRequest request() {
        Credentials credentials = new Credentials(secret(apiKey), text(apiKeyHeader), null, text(username),
                secret(password), secret(token), text(clientId), secret(clientSecret), text(tokenUrl),
                text(scopes) == null ? List.of() : Arrays.asList(text(scopes).split("\\s+")));
        WebhookSettings hooks = new WebhookSettings(webhook.isSelected(),
                webhook.isSelected() ? (WebhookStyle) webhookStyle.getSelectedItem() : null, secret(webhookSecret));
        return new ConnectorRequest(text(name), (ConnectorType) type.getSelectedItem(), orEmpty(provider),
                orEmpty(description), text(endpoint), localNetwork.isSelected(), (AuthType) authType.getSelectedItem(),
                credentials, headerMap(), (Integer) timeout.getValue(), (Integer) retries.getValue(), null,
                orEmpty(healthPath), null, hooks);
    }

    private void save() {
        messages.values().forEach(m -> m.setVisible(false));
        ConnectorRequest request = request();
        save.setEnabled(false);
        Work.start(this, editing == null ? "Creating the connector" : "Saving the connector",
                () -> editing == null ? api.create(request) : api.update(editing.value().id(), editing.version(), request),
                view -> {
                    saved = view;
                    dispose();
                }, this::refused);
    }

    private void refused(HubException e) {
        save.setEnabled(true);
        Problem problem = e.problem();
        boolean placed = false;
        if (problem != null && problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                JLabel label = messages.get(error.field().startsWith("headers.") ? "headers" : error.field());
                if (label != null) {
                    label.setText(error.message());
                    label.setVisible(true);
                    placed = true;
                }
            }
        }
        pack();
        if (!placed) {
            org.hms.hub.console.common.Errors.show(this, getTitle(), e);
        }
    }

    private Map<String, String> headerMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : headers.getText().split("\\R")) {
            int colon = line.indexOf(':');
            if (!line.isBlank()) {
                out.put(colon > 0 ? line.substring(0, colon).strip() : line.strip(),
                        colon > 0 ? line.substring(colon + 1).strip() : "");
            }
        }
        return out;
    }

    private static String text(JTextField field) {
        String t = field.getText();
        return t == null || t.isBlank() ? null : t.strip();
    }

    /** "" rather than null, so that clearing a field on an edit clears it in the hub. */
    private static String orEmpty(JTextField field) {
        return field.getText() == null ? "" : field.getText().strip();
    }

    private static String secret(JPasswordField field) {
        char[] typed = field.getPassword();
        String value = typed.length == 0 ? null : new String(typed);
        Arrays.fill(typed, '\0');
        return value;
    }
}
