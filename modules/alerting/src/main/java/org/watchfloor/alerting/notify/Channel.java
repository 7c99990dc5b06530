package org.watchfloor.alerting.notify;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;

/** A named channel: its type, its notifier and the Mustache template of the text it sends. */
public final class Channel {
  private static final Mustache.Compiler MUSTACHE = Mustache.compiler().defaultValue("").escapeHTML(false);

  private final String name;
  private final String type;
  private final Notifier notifier;
  private final Template template;

  public Channel(String name, String type, Notifier notifier, String template) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.template = template == null ? null : MUSTACHE.compile(template);
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public Notifier notifier() {
    return notifier;
  }

  /** The text sent: the channel template over the alert's JSON fields, else the rule's rendered message. */
  @SuppressWarnings("unchecked")
  public String render(Alert alert) {
    if (template == null) {
      String message = alert.message() == null || alert.message().isBlank() ? alert.title() : alert.message();
      return message == null ? "" : message;
    }
    Map<String, Object> ctx = Json.MAPPER.convertValue(alert, Map.class);
    return template.execute(ctx);
  }
}
