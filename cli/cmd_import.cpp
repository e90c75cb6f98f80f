// liaison import SOURCE --into WORKSPACE: a scenario folder, a GeoJSON file of map features
// (both atomically, errors at file:line:column) or an MBTiles basemap (registered in the
// workspace, journaled) into a workspace.
#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/formats/basemap.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

namespace fs = std::filesystem;

namespace {

enum class Source { Folder, GeoJson, MbTiles };

std::string lowerExtension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

}  // namespace

void registerImportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string dir, into, actor = "import";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "import",
      "Import into a workspace, creating it if missing: a scenario folder (CSV files and "
      "features.geojson, see docs/scenario-format.md), a GeoJSON file of map features "
      "(FILE.geojson), or an offline MBTiles basemap (FILE.mbtiles: the map shows it; its "
      "absolute path is stored in the workspace). All or nothing: on any error nothing is "
      "written and the error names file:line:column (or why the basemap is not MBTiles).");
  cmd->add_option("SOURCE", args->dir, "Scenario folder, FILE.geojson or FILE.mbtiles")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--into", args->into, "Workspace file (.liaison) to import into")->required();
  cmd->add_option("--actor", args->actor, "Who the journal names for the import")
      ->capture_default_str();

  cmd->callback([&result, args] {
    runGuarded(result, [&]() -> int {
      const fs::path ws = args->into;
      const fs::path src = args->dir;
      Source kind = Source::Folder;
      if (!fs::is_directory(src)) {
        const std::string ext = lowerExtension(src);
        if (ext == ".mbtiles") {
          kind = Source::MbTiles;
        } else if (ext == ".geojson" || ext == ".json") {
          kind = Source::GeoJson;
        } else {
          std::cerr << "error: " << src.string()
                    << ": cannot import this kind of file; expected a scenario folder, a "
                       ".geojson file or an .mbtiles basemap\n";
          return 2;
        }
      }
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
        if (kind == Source::GeoJson) {
          const core::ImportSummary s = core::importFeatures(src, *store, args->actor);
          std::cout << "imported " << s.features << " map features into " << ws.string()
                    << " (revision " << s.revision << ")\n";
          return 0;
        }
        const core::ImportSummary s = core::importScenario(args->dir, *store, args->actor);
        std::cout << "imported " << s.agencies << " agencies, " << s.representatives
                  << " representatives (" << s.contacts << " contacts), " << s.channels
                  << " channels, " << s.needs << " needs, " << s.incidents << " incidents, "
                  << s.periods << " periods, " << s.events << " events, " << s.tasks << " tasks, "
                  << s.features << " map features into " << ws.string() << " (revision "
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
