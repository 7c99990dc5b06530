package org.watchfloor.indexer.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Json;

/** Checks deploy/kibana/watchfloor.ndjson: every line parses, ids are unique and every reference resolves. */
class SavedObjectsTest {
  static final Path FILE = Path.of("../../deploy/kibana/watchfloor.ndjson");
  private static List<JsonNode> objects;

  @BeforeAll
  static void read() throws Exception {
    objects = new ArrayList<>();
    for (String line : Files.readAllLines(FILE)) {
      if (!line.isBlank()) {
        objects.add(Json.MAPPER.readTree(line));
      }
    }
  }

  @Test
  void everyLineIsASavedObjectWithAUniqueId() {
    assertThat(objects).isNotEmpty().allSatisfy(o -> {
      assertThat(o.path("id").asText()).isNotBlank();
      assertThat(o.path("type").asText()).isIn("index-pattern", "lens", "search", "dashboard");
      assertThat(o.path("attributes").isObject()).isTrue();
      assertThat(o.path("references").isArray()).isTrue();
    });
    Set<String> keys = new HashSet<>();
    objects.forEach(o -> assertThat(keys.add(o.path("type").asText() + "/" + o.path("id").asText())).isTrue());
  }

  @Test
  void everyReferenceResolvesToAnObjectInTheFile() {
    Set<String> present = new HashSet<>();
    objects.forEach(o -> present.add(o.path("type").asText() + "/" + o.path("id").asText()));
    for (JsonNode o : objects) {
      for (JsonNode r : o.path("references")) {
        assertThat(present).as("reference %s of %s", r, o.path("id").asText())
            .contains(r.path("type").asText() + "/" + r.path("id").asText());
      }
    }
  }

  @Test
  void dataViewsCoverArticlesAndAlertsOnTimestamp() {
    List<String> titles = new ArrayList<>();
    for (JsonNode o : byType("index-pattern")) {
      assertThat(o.path("attributes").path("timeFieldName").asText()).isEqualTo("@timestamp");
      titles.add(o.path("attributes").path("title").asText());
    }
    assertThat(titles).containsExactlyInAnyOrder("watchfloor-articles", "watchfloor-alerts");
  }

  @Test
  void dashboardPanelsPointAtNamedReferences() throws Exception {
    List<JsonNode> dashboards = byType("dashboard");
    assertThat(dashboards).hasSize(1);
    JsonNode d = dashboards.get(0);
    JsonNode panels = Json.MAPPER.readTree(d.path("attributes").path("panelsJSON").asText());
    Set<String> refNames = new HashSet<>();
    d.path("references").forEach(r -> refNames.add(r.path("name").asText()));
    assertThat(panels.size()).isGreaterThanOrEqualTo(5);
    for (JsonNode p : panels) {
      assertThat(refNames).contains(p.path("panelIndex").asText() + ":" + p.path("panelRefName").asText());
    }
    assertThat(d.path("attributes").path("timeRestore").asBoolean()).isTrue();
  }

  @Test
  void lensLayersReferenceTheirDataViewAndOnlyDefinedColumns() {
    List<JsonNode> lenses = byType("lens");
    assertThat(lenses).extracting(l -> l.path("attributes").path("title").asText())
        .contains("Tension over time by actor", "Volume by topic", "Top actors", "Top dyads");
    for (JsonNode lens : lenses) {
      JsonNode state = lens.path("attributes").path("state");
      JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
      Set<String> refNames = new HashSet<>();
      lens.path("references").forEach(r -> refNames.add(r.path("name").asText()));
      for (Iterator<String> it = layers.fieldNames(); it.hasNext(); ) {
        String layerId = it.next();
        assertThat(refNames).contains("indexpattern-datasource-layer-" + layerId);
        JsonNode columns = layers.path(layerId).path("columns");
        layers.path(layerId).path("columnOrder").forEach(c -> assertThat(columns.has(c.asText())).isTrue());
        List<String> used = new ArrayList<>();
        state.path("visualization").path("layers").forEach(l -> {
          l.path("accessors").forEach(a -> used.add(a.asText()));
          if (l.has("xAccessor")) {
            used.add(l.path("xAccessor").asText());
          }
          if (l.has("splitAccessor")) {
            used.add(l.path("splitAccessor").asText());
          }
        });
        state.path("visualization").path("columns").forEach(c -> used.add(c.path("columnId").asText()));
        assertThat(used).isNotEmpty().allSatisfy(c -> assertThat(columns.has(c)).as(c).isTrue());
      }
    }
  }

  @Test
  void savedSearchesParseAndReferenceTheirIndex() throws Exception {
    for (JsonNode s : byType("search")) {
      JsonNode source = Json.MAPPER.readTree(
          s.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
      String indexRef = source.path("indexRefName").asText();
      assertThat(s.path("references").findValuesAsText("name")).contains(indexRef);
    }
    JsonNode high = byType("search").stream()
        .filter(s -> s.path("id").asText().equals("watchfloor-search-high-severe")).findFirst().orElseThrow();
    assertThat(high.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText())
        .contains("HIGH or SEVERE");
  }

  private static List<JsonNode> byType(String type) {
    return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
  }
}
