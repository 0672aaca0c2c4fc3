// The command palette on a large store: gathering its entries when it opens (PaletteEntries over
// the run table, the GUI's path) and CommandPaletteModel::setQuery() per keystroke, on R runs
// named as MLflow names them ("bold-hawk-417"), against a plain case-insensitive substring
// filter over the same titles (what a QSortFilterProxyModel's fixed-string filter does) measured
// in the same run. Medians of --repeat.
#include "benchsupport.h"
#include "commandpalettemodel.h"
#include "experimentlistmodel.h"
#include "paletteentries.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

namespace {

const char *const Adjectives[]
    = {"bold",   "calm",  "eager", "fancy", "gentle", "happy", "jolly", "kind", "lucky", "merry",
       "nimble", "proud", "quiet", "rare",  "sharp",  "swift", "tidy",  "vast", "witty", "zesty"};
const char *const Animals[]
    = {"hawk",  "owl",    "fox",   "wolf",  "bear", "lynx",  "otter", "crane", "moth",  "trout",
       "finch", "badger", "heron", "stoat", "mole", "shrew", "cod",   "yak",   "gecko", "ibis"};
const char *const Metrics[] = {"train_loss", "val_loss", "val_accuracy", "learning_rate", "epoch_time",
                               "grad_norm",  "f1",       "precision",    "recall",        "auc"};

// R runs over E experiments, MLflow-like names and ids, ten metric keys each.
Store::RunTable makeRuns(int runs, int experiments)
{
    std::mt19937 random(7);
    Store::RunTableBuilder builder;
    builder.reserveRuns(runs);
    for (int i = 0; i < runs; ++i) {
        Store::RunAttributes run;
        run.runId = QStringLiteral("%1%2")
                        .arg(quint64(random()), 16, 16, QLatin1Char('0'))
                        .arg(i, 16, 16, QLatin1Char('0'));
        run.runName = QStringLiteral("%1-%2-%3")
                          .arg(QLatin1String(Adjectives[random() % std::size(Adjectives)]),
                               QLatin1String(Animals[random() % std::size(Animals)]))
                          .arg(random() % 1000);
        run.experimentId = QString::number(1 + i * experiments / runs);
        run.status = QStringLiteral("FINISHED");
        run.lifecycleStage = QStringLiteral("active");
        const int row = builder.addRun(run);
        for (const char *key : Metrics)
            builder.addMetric(row, key, {double(random() % 1000) / 1000, 9, 0, false});
    }
    return builder.build();
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0.0 : samples[samples.size() / 2];
}

double timeMs(const std::function<void()> &work, int repeat)
{
    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(samples);
}

// setQuery(query) right after setQuery(before).
double queryMs(CommandPaletteModel &model, const QString &before, const QString &query, int repeat)
{
    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        model.setQuery(before);
        QElapsedTimer timer;
        timer.start();
        model.setQuery(query);
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(samples);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 100000;
    int experiments = 40;
    int repeat = 5;
    BenchSupport::Arguments arguments(QStringLiteral(
        "The command palette: gathering entries and fuzzy queries against a substring filter."));
    arguments.add(QStringLiteral("runs"), runs, QStringLiteral("Runs in the run table."));
    arguments.add(QStringLiteral("experiments"), experiments, QStringLiteral("Experiments they belong to."));
    arguments.add(QStringLiteral("repeat"), repeat, QStringLiteral("Timed repetitions (median printed)."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;

    const QString location = QStringLiteral("/bench/mlflow.db");
    const MergedRuns shown {makeRuns(runs, experiments), {location}, {}};
    Store::ExperimentList list;
    for (int i = 1; i <= experiments; ++i) {
        Store::Experiment experiment;
        experiment.id = QString::number(i);
        experiment.name = QStringLiteral("experiment-%1").arg(i);
        experiment.lifecycleStage = QStringLiteral("active");
        list.append(experiment);
    }
    ExperimentListModel experimentModel;
    experimentModel.setExperiments(location, list);
    std::printf("bench_palette: %d runs in %d experiments, %lld metric keys, median of %d\n", runs,
                experiments, qlonglong(shown.runs.metricKeys().size()), repeat);

    // Gathering, as the palette does when it opens.
    QList<CommandPaletteModel::Entry> runEntries;
    const double gatherRuns
        = timeMs([&] { runEntries = PaletteEntries::runs(shown, experimentModel); }, repeat);
    const double gatherMetrics = timeMs([&] { (void)PaletteEntries::metrics(shown.runs); }, repeat);
    const double gatherExperiments
        = timeMs([&] { (void)PaletteEntries::experiments(experimentModel); }, repeat);
    CommandPaletteModel model;
    const double fill = timeMs([&] { model.setRuns(runEntries); }, repeat);
    std::printf("gathering when the palette opens:\n");
    std::printf("  runs               %8.2f ms\n", gatherRuns);
    std::printf("  metric keys        %8.2f ms\n", gatherMetrics);
    std::printf("  experiments        %8.2f ms\n", gatherExperiments);
    std::printf("  model.setRuns()    %8.2f ms  (the empty query: the first %d by title)\n", fill,
                CommandPaletteModel::DefaultMaxRows);

    // Typing a run's name a character at a time (each query narrows the previous one's matches),
    // then queries typed afresh; the baseline filters the same titles by substring.
    QStringList titles;
    for (const CommandPaletteModel::Entry &entry : std::as_const(runEntries))
        titles.append(entry.title);
    const auto substringMatches = [&titles](const QString &query) {
        int count = 0;
        for (const QString &title : std::as_const(titles))
            count += title.contains(query, Qt::CaseInsensitive);
        return count;
    };
    const QString typed = QStringLiteral("swift-otter-4");
    std::vector<double> perKey, fresh;
    double baseline = 0;
    std::printf("setQuery() per keystroke, typing \"%s\" (narrows the previous matches):\n",
                qPrintable(typed));
    std::printf("  %-16s %11s %9s %12s\n", "query", "setQuery", "matches", "substring");
    for (qsizetype length = 1; length <= typed.size(); ++length) {
        const QString query = typed.left(length);
        perKey.push_back(queryMs(model, query.left(length - 1), query, repeat));
        const double substring = timeMs([&] { substringMatches(query); }, repeat);
        baseline = std::max(baseline, substring);
        std::printf("  %-16s %8.2f ms %9d %9.2f ms\n", qPrintable(query), perKey.back(), model.matchCount(),
                    substring);
    }
    std::printf("typed afresh (every entry matched):\n");
    for (const QString &query :
         {QStringLiteral("s"), QStringLiteral("e"), QStringLiteral("sot4"), QStringLiteral("otter"),
          QStringLiteral("swift-otter-417"), QStringLiteral("qqq")}) {
        fresh.push_back(queryMs(model, {}, query, repeat));
        const double substring = timeMs([&] { substringMatches(query); }, repeat);
        baseline = std::max(baseline, substring);
        std::printf("  %-16s %8.2f ms %9d %9.2f ms\n", qPrintable(query), fresh.back(), model.matchCount(),
                    substring);
    }
    std::printf("setQuery() on %d entries: per keystroke median %.2f ms, max %.2f ms; afresh median %.2f ms, "
                "max %.2f ms; the slowest substring filter %.2f ms\n",
                runs, median(perKey), *std::max_element(perKey.begin(), perKey.end()), median(fresh),
                *std::max_element(fresh.begin(), fresh.end()), baseline);
    return 0;
}
