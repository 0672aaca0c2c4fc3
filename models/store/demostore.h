#pragma once

#include "storeerror.h"

namespace Store {

struct DemoStoreOptions
{
    quint32 seed = 42;
    int curveSteps = 3000; // steps of the long training curves
    bool withArtifacts = true; // write artifact files beside the database
};

// A store of arbitrary size for tests and benchmarks: `runs` runs spread over `experiments`
// experiments, each with `params` params, `metrics` metrics (`historyPoints` rows each) and `tags` tags.
struct SyntheticStoreOptions
{
    int experiments = 1;
    int runs = 1000;
    int params = 20;
    int metrics = 10;
    int tags = 8;
    int historyPoints = 1;
    quint32 seed = 1;
};

// Writes stores in MLflow's own schema (revision c9d4e5f6a7b8, MLflow 3.9) that MLflow opens as its own.
class DemoStore
{
public:
    // The realistic demo store; `dbPath` must not exist yet. Artifacts go to <dir of dbPath>/mlruns.
    static Error generate(const QString &dbPath, const DemoStoreOptions &options = {});
    static Error generateSynthetic(const QString &dbPath, const SyntheticStoreOptions &options);
};

} // namespace Store
