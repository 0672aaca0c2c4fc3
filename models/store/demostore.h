#pragma once

#include "storeerror.h"
#include "storetypes.h"

// The demo store (DemoStore::generate) is deterministic for a seed and a day
// (DemoStoreOptions::today). What tests may rely on (also in DemoStore::Counts):
//
//   experiments  7: Default (id 0, no runs), mnist-cnn (1), tabular-gbm (2), llm-finetune (3),
//                   old-baseline (4, deleted), churn-training (5), churn-evaluation (6). Ids 1-3,
//                   5 and 6 carry a Markdown description.
//   runs        49 in all, 47 active, 2 deleted:
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
//     churn-training 4 FINISHED runs, 270, 212, 152 and 4 days before `today`; metrics auc,
//                   precision_at_10pct, logloss and a valid_auc curve. Each logged an MLflow 3
//                   logged model (logged_models, its run's output in inputs), 4 in all.
//     churn-evaluation 20 FINISHED weekly runs, the last yesterday, tagged model_name =
//                   churn-predictor and model_version = 3; metric auc drifts from ~0.87 to below
//                   0.80 in the last weeks (also precision_at_10pct, n_scored, positive_rate).
//   Every run has a name, a user and the tags mlflow.source.name, mlflow.source.type and
//   mlflow.source.git.commit; 5 runs have a note (mlflow.note.content).
//   datasets     8 (a training and a validation set per active experiment but Default and
//                churn-evaluation); every run of them but the sweep parent and logreg-v0 (27)
//                uses both, with input tag mlflow.data.context training / validation.
//   registry     5 registered models, 14 version rows, 13 live (one soft-deleted):
//                mnist-classifier: versions 1..4 in stages Archived, Production, Staging, None;
//                aliases champion -> 2 and challenger -> 3; version 5 soft-deleted (its alias
//                candidate deleted with it, its tag kept).
//                housing-regressor: versions 1 (Archived) and 2 (Production); alias champion -> 2.
//                churn-predictor (tag team=growth, a multi-paragraph Markdown description, tags
//                monitoring.metric=auc, monitoring.threshold=0.80): versions 1..4 from models:/m-...
//                sources (storage_location = the logged model's artifact_location, run_id its
//                run); 1 and 2 Archived by archive_existing_versions, 3 in Production since ~150
//                days before `today`, 4 in Staging since 2 days before; champion -> 3, challenger
//                moved on to 4.
//                fraud-detector (tag team=risk, Markdown description): versions from s3:// sources
//                without runs: 1 Production since 57 days before `today`, 2 FAILED_REGISTRATION
//                with a status message, 3 PENDING_REGISTRATION; champion -> 1.
//                demand-forecaster (tag team=planning): no versions.
//   artifacts    with withArtifacts, under <dir of the db>/mlruns/<experiment id>/<run id>/artifacts
//                (the absolute experiment artifact_location, as MLflow >= 3.7 writes it). 10 runs
//                hold a logged model (model/MLmodel, model/model.pkl, model/requirements.txt,
//                model/python_env.yaml; tag mlflow.log-model.history): the 3 standalone mnist runs,
//                the best sweep child, and the 6 FINISHED tabular-gbm runs. The 4 mnist model runs
//                also have confusion_matrix.png, classification_report.json, plots/loss_curve.svg and
//                logs/training.log (~1000 lines), and their MLmodel a tensor signature; the sweep
//                parent has sweep_results.csv. The 6 FINISHED tabular-gbm runs also have
//                feature_importance.csv, eval/predictions.tsv (200 rows), report.html and a column
//                signature in MLmodel; their FAILED/KILLED runs stderr.log. Every llm-finetune run has
//                config.yaml and training_args.json; the two FINISHED ones also samples.md,
//                adapter/adapter_config.json and checkpoints/final/adapter_weights.npy (16 x 8
//                float32, binary). The churn
//                logged models have the same four files under mlruns/5/models/<model id>/artifacts.
//                Every live version with a local storage_location points at such a folder.
namespace Store {

struct DemoStoreOptions
{
    quint32 seed = 42;
    // The day (00:00 UTC of it, ms) the churn experiments and the registry's recent events lead
    // up to, so that staleness looks as it would on that day; NoTime: today. A store is the same
    // for the same seed and day.
    qint64 today = NoTime;
    int curveSteps = 3000; // steps of the long training curves (at least 30)
    bool withArtifacts = true; // write artifact files beside the database
    // Where artifacts go (the experiments' artifact locations are <root>/<experiment id>);
    // empty: <dir of the database>/mlruns. The mlruns/ folder of a file store for
    // `kaizen demo --file-store`, which then exports the store there (exportToFileStore()).
    QString artifactRoot {};
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
        static constexpr int Experiments = 7;
        static constexpr int ActiveExperiments = 6;
        static constexpr int Runs = 49;
        static constexpr int ActiveRuns = 47;
        static constexpr int MnistRuns = 13;
        static constexpr int NestedChildren = 9;
        static constexpr int GbmRuns = 8;
        static constexpr int GbmActiveRuns = 7;
        static constexpr int LlmRuns = 3;
        static constexpr int RunsWithNotes = 5;
        static constexpr int Datasets = 8;
        static constexpr int RunsWithDatasets = 27;
        static constexpr int ChurnTrainingRuns = 4;
        static constexpr int EvaluationRuns = 20;
        static constexpr int RegisteredModels = 5;
        static constexpr int MnistClassifierVersions = 4;
        static constexpr int ModelVersions = 14; // rows, the soft-deleted one included
        static constexpr int LiveModelVersions = 13;
        static constexpr int RunsWithModels = 10; // tag mlflow.log-model.history
        static constexpr int LoggedModels = 4;
    };

    // The realistic demo store; `dbPath` must not exist yet. Artifacts go to <dir of dbPath>/mlruns
    // (options.artifactRoot).
    static Error generate(const QString &dbPath, const DemoStoreOptions &options = {});
    static Error generateSynthetic(const QString &dbPath, const SyntheticStoreOptions &options);
};

} // namespace Store
