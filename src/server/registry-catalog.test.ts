import { describe, expect, it } from "vitest";
import { parseCatalog, scoreEntry, searchCatalog } from "./registry-catalog.js";

const { entries, skipped } = parseCatalog({
  plugins: [
    { name: "@acme/weather", displayName: "Weather", description: "Forecasts", tags: ["forecast"], downloads: 1 },
    { name: "weather-lite", description: "Small", downloads: 50 },
    { name: "@x/forecast", description: "Weather forecasts", downloads: 1000 },
    { name: "@x/radar", description: "Maps", tags: ["weather"], downloads: 5 },
    { name: "@x/alpha", description: "weather too", downloads: 1000 },
    { name: 42 },
    { name: "@acme/weather" },
  ],
});

describe("parseCatalog", () => {
  it("normalises entries and skips invalid or duplicate ones, naming them", () => {
    expect(entries.map((e) => e.name)).toEqual(["@acme/weather", "weather-lite", "@x/forecast", "@x/radar", "@x/alpha"]);
    expect(skipped).toEqual([expect.stringMatching(/^#5: name/), "#6: duplicate name @acme/weather"]);
    expect(entries[1]).toMatchObject({ npmPackage: "weather-lite", version: "latest", displayName: "weather-lite", author: null });
    expect(() => parseCatalog("nope")).toThrow(/JSON array of plugins/);
  });

  it("reads null optional fields as absent, so the API's own answers (author: null, repository: null) read back", () => {
    const read = parseCatalog([
      { name: "@acme/echo", displayName: null, description: null, author: null, repository: null, tags: null, downloads: null, npm: { package: "@acme/echo", version: null } },
    ]);
    expect(read.skipped).toEqual([]);
    expect(read.entries[0]).toMatchObject({ name: "@acme/echo", displayName: "@acme/echo", description: "", author: null, repository: null, tags: [], version: "latest" });
  });
});

describe("search ranking", () => {
  it("exact name ≫ name contains ≫ description ≫ tag; ties by downloads, then name", () => {
    expect(scoreEntry(entries[0]!, "weather")).toBeGreaterThan(scoreEntry(entries[1]!, "weather"));
    expect(searchCatalog(entries, "Weather", 15).map((hit) => hit.entry.name)).toEqual(["@acme/weather", "weather-lite", "@x/alpha", "@x/forecast", "@x/radar"]);
    expect(searchCatalog(entries, "weather", 2)).toHaveLength(2);
    expect(searchCatalog(entries, "nothing-matches", 15)).toEqual([]);
  });

  it("adds per-word matches for multi-word queries and is deterministic", () => {
    const hits = searchCatalog(entries, "weather maps", 15).map((hit) => hit.entry.name);
    expect(hits[0]).toBe("@x/radar");
    expect(searchCatalog(entries, "weather maps", 15)).toEqual(searchCatalog([...entries], "weather maps", 15));
  });
});
