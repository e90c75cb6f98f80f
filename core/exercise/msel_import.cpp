// Loading an MSEL file into a workspace's exercise and writing it back; see msel_import.hpp.
#include "core/exercise/msel_import.hpp"

#include <fstream>

#include "core/exercise/exercise_clock.hpp"
#include "core/formats/input_file.hpp"
#include "core/formats/msel.hpp"
#include "core/formats/output_file.hpp"
#include "core/store/exercise_store.hpp"

namespace liaison::core {

MselImportSummary importMsel(const std::filesystem::path& file, Store& store,
                             const std::string& actor) {
  const std::string name = file.filename().string();
  const std::string bytes = readInputFile(file, name, "expected an MSEL CSV file");
  const SnapshotPtr snap = store.load();
  const std::vector<Inject> injects = parseMsel(bytes, name, *snap);
  MselImportSummary summary;
  for (const Inject& i : injects) {
    summary.injects++;
    if (i.manual()) summary.manual++;
    if (!i.effect.empty()) summary.effects++;
  }
  ExerciseClock clock = resetClock(loadExercise(store).clock);
  if (const Incident* inc = snap->mainIncident()) clock.epoch = inc->start;
  summary.revision =
      store
          .transact(actor,
                    [&](Transaction& txn) {
                      writeMsel(txn, injects);
                      writeClock(txn, clock,
                                 "Exercise clock reset for the imported MSEL " + name + " (" +
                                     std::to_string(injects.size()) + " injects)");
                    })
          .revision;
  return summary;
}

void exportMsel(const Store& store, const std::filesystem::path& file) {
  const std::string text = mselToCsv(loadExercise(store).injects);
  try {
    writeOutputFile(file, text);
  } catch (const std::runtime_error& e) {
    throw StoreError(e.what());
  }
}

}  // namespace liaison::core
