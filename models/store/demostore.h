#pragma once

#include "storeerror.h"

// The demo store (DemoStore::generate) is deterministic for a seed. What tests may rely on
// (also in DemoStore::Counts):
//
//   experiments  5: Default (id 0, no runs), mnist-cnn (1), tabular-gbm (2), llm-finetune (3),
//                   old-baseline (4, deleted). Ids 1-3 carry a Markdown description.
//   runs        25 in all, 23 active, 2 deleted:
//     mnist-cnn     13 active: the parent "lr-batch-sweep" with 9 nested children (tag
//                   mlflow.parentRunId; learning_rate x batch_size grid 3 x 3), and 3 standalone
//                   runs. Per-epoch metrics train_loss, val_loss, val_accuracy, learning_rate
//                   (steps 0..9); the parent has best_val_accuracy.
//     tabular-gbm    8 runs: 7 active (5 FINISHED, 1 FAILED, 1 KILLED) and 1 deleted FINISHED run
//                   (deleted_time set). Metrics rmse, mae, r2 (FINISHED runs) and a valid_rmse curve.
//     llm-finetune   3 active (lora-r8 and lora-r16 FINISHED, full-ft RUNNING without end time),
//                   each with `curveSteps` points of train/loss, train/learning_rate and
//                   train/grad_norm (steps 0..curveSteps-1) and val/loss, val/accuracy every
//                   curveSteps/30 steps. lora-r16's train/loss holds one NaN, full-ft's
//                   train/grad_norm one +inf spike.
//     old-baseline   1 run, deleted with its experiment.
//   Every run has a name, a user and the tags mlflow.source.name, mlflow.source.type and
//   mlflow.source.git.commit; 5 runs have a note (mlflow.note.content).
//   datasets     6 (a training and a validation set per active experiment but Default); every
//                run but the sweep parent and logreg-v0 (23) uses both, with input tag
//                mlflow.data.context training / validation.
//   registry     mnist-classifier: versions 1..4 in stages Archived, Production, Staging, None;
//                aliases champion -> 2 and challenger -> 3. housing-regressor: versions 1
//                (Archived) and 2 (Production); alias champion -> 2. 6 versions in all.
//   artifacts    with withArtifacts, under <dir of the db>/mlruns/<experiment id>/<run id>/artifacts
//                (the absolute experiment artifact_location, as MLflow >= 3.7 writes it). 10 runs
//                hold a logged model (model/MLmodel, model/model.pkl, model/requirements.txt,
//                model/python_env.yaml; tag mlflow.log-model.history): the 3 standalone mnist runs,
//                the best sweep child, and the 6 FINISHED tabular-gbm runs. The 4 mnist model runs
//                also have confusion_matrix.png, the sweep parent sweep_results.csv. Registered
//                versions point at these model folders (source = storage_location).
namespace Store {

struct DemoStoreOptions
{
    quint32 seed = 42;
    int curveSteps = 3000; // steps of the long training curves (at least 30)
    bool withArtifacts = true; // write artifact files beside the database
};

// A store of arbitrary size for tests and benchmarks: `runs` runs spread over `experiments`
// experiments (named synthetic-00, synthetic-01, ...; ids from 1), each with `params` params
// (param_00 ...), `metrics` metrics (metric_00 ..., `historyPoints` rows each, steps 0..) and
// `tags` tags (tag_00 ...) besides mlflow.runName and mlflow.user, which every run has.
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
    // The numbers documented above.
    struct Counts
    {
        static constexpr int Experiments = 5;
        static constexpr int ActiveExperiments = 4;
        static constexpr int Runs = 25;
        static constexpr int ActiveRuns = 23;
        static constexpr int MnistRuns = 13;
        static constexpr int NestedChildren = 9;
        static constexpr int GbmRuns = 8;
        static constexpr int GbmActiveRuns = 7;
        static constexpr int LlmRuns = 3;
        static constexpr int RunsWithNotes = 5;
        static constexpr int Datasets = 6;
        static constexpr int RunsWithDatasets = 23;
        static constexpr int RegisteredModels = 2;
        static constexpr int MnistClassifierVersions = 4;
        static constexpr int ModelVersions = 6;
        static constexpr int RunsWithModels = 10;
    };

    // The realistic demo store; `dbPath` must not exist yet. Artifacts go to <dir of dbPath>/mlruns.
    static Error generate(const QString &dbPath, const DemoStoreOptions &options = {});
    static Error generateSynthetic(const QString &dbPath, const SyntheticStoreOptions &options);
};

} // namespace Store
