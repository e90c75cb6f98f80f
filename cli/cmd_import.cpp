// liaison import SOURCE --into WORKSPACE: a scenario folder or workbook, a map layer file
// (both atomically, errors at file:line:column) or an MBTiles basemap (registered in the
// workspace, journaled) into a workspace.
#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/formats/basemap.hpp"
#include "core/formats/cap.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

namespace fs = std::filesystem;

namespace {

}  // namespace

void registerImportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string dir, into, actor = "import";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "import",
      "Import into a workspace, creating it if missing: a scenario folder (CSV files and "
      "features.geojson, see docs/scenario-format.md) or the same as one workbook (XLSX or "
      "ODS, one sheet per CSV file), a map layer (GeoJSON, or through GDAL: KML/KMZ, GPX, "
      "Shapefile, GeoPackage, GeoJSONSeq, FlatGeobuf, in any CRS), or an offline MBTiles "
      "basemap (the map shows it; its absolute path is stored in the workspace), or CAP 1.2 "
      "alerts (one file or a folder of them: timeline events and map zones). The kind is "
      "read from the content. All or nothing: on any error nothing is written and the error "
      "names file:line:column (a workbook's book:sheet:row:column).");
  cmd->add_option("SOURCE", args->dir, "Scenario folder or workbook, map layer file, or MBTiles basemap")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--into", args->into, "Workspace file (.liaison) to import into")->required();
  cmd->add_option("--actor", args->actor, "Who the journal names for the import")
      ->capture_default_str();

  cmd->callback([&result, args] {
    runGuarded(result, [&]() -> int {
      const fs::path ws = args->into;
      const fs::path src = args->dir;
      // A CAP alert or a folder of them: timeline events and map zones, all or nothing.
      if (core::isCapFolder(src) || (!fs::is_directory(src) && core::looksLikeCap(src))) {
        const bool created = !fs::exists(ws);
        std::unique_ptr<core::Store> store =
            created ? core::Store::create(ws) : core::Store::open(ws, core::OpenMode::ReadWrite);
        try {
          const core::CapImportSummary s = core::importCap(src, *store, args->actor);
          std::cout << "imported " << s.files << " CAP alert" << (s.files == 1 ? "" : "s") << ": "
                    << s.events << " timeline events, " << s.zones << " map zones into "
                    << ws.string() << " (revision " << s.revision << ")\n";
          return 0;
        } catch (const std::exception& e) {
          std::cerr << "error: " << e.what() << "\n";
          store.reset();
          if (created)
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ws.string() + suffix);
          return 1;
        }
      }
      // What the source is, by its content (the extension only breaks ties).
      std::string why;
      core::InputKind kind;
      try {
        kind = core::sniffInput(src, &why);
      } catch (const core::ImportError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
      }
      if (kind == core::InputKind::Unknown) {
        std::cerr << "error: " << src.string() << ": cannot import this kind of file (" << why
                  << "); expected a scenario folder or workbook (XLSX, ODS), a map layer "
                     "(GeoJSON, KML/KMZ, GPX, Shapefile, GeoPackage, GeoJSONSeq, FlatGeobuf), "
                     "an MBTiles basemap or CAP 1.2 alerts\n";
        return 2;
      }
      using Source = core::InputKind;
      // A file that is not MBTiles is refused before any workspace is created or touched.
      if (kind == Source::MbTiles) {
        try {
          core::MbtilesReader::open(src);
        } catch (const core::MbtilesError& e) {
          std::cerr << "error: " << e.what() << "\n";
          return 1;
        }
      }
      const bool created = !fs::exists(ws);
      std::unique_ptr<core::Store> store =
          created ? core::Store::create(ws) : core::Store::open(ws, core::OpenMode::ReadWrite);
      try {
        if (kind == Source::MbTiles) {
          const core::MbtilesInfo info = core::registerBasemap(*store, src, args->actor);
          std::cout << "basemap " << (info.name.empty() ? src.filename().string() : info.name)
                    << " (" << (info.format == core::TileFormat::Png ? "png" : "jpg")
                    << ", zoom " << info.minzoom << " to " << info.maxzoom << ", "
                    << info.tile_count << " tiles) registered in " << ws.string() << ": "
                    << core::basemapPath(*store) << "\n";
          return 0;
        }
        if (kind == Source::GeoJson || core::isMapLayerKind(kind)) {
          const core::ImportSummary s =
              kind == Source::GeoJson ? core::importFeatures(src, *store, args->actor)
                                      : core::importForeignLayer(src, kind, *store, args->actor);
          for (const std::string& n : s.notes) std::cout << "note: " << n << "\n";
          std::cout << "imported " << s.features << " map features";
          if (kind != Source::GeoJson) std::cout << " from " << core::toString(kind);
          std::cout << " into " << ws.string() << " (revision " << s.revision << ")\n";
          return 0;
        }
        const core::ImportSummary s =
            core::isWorkbookKind(kind)
                ? core::importScenarioWorkbook(src, kind, *store, args->actor)
                : core::importScenario(args->dir, *store, args->actor);
        for (const std::string& n : s.notes) std::cout << "note: " << n << "\n";
        std::cout << "imported " << s.agencies << " agencies, " << s.representatives
                  << " representatives (" << s.contacts << " contacts), " << s.channels
                  << " channels, " << s.needs << " needs, " << s.incidents << " incidents, "
                  << s.periods << " periods, " << s.events << " events, " << s.tasks << " tasks, "
                  << s.messages << " messages, " << s.features << " map features into " << ws.string() << " (revision "
                  << s.revision << ")\n";
        return 0;
      } catch (const std::exception& e) {  // ImportError, MbtilesError, StoreError
        std::cerr << "error: " << e.what() << "\n";
        store.reset();
        if (created)  // leave no empty workspace behind a failed first import
          for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ws.string() + suffix);
        return 1;
      }
    });
  });
}

}  // namespace liaison::cli
