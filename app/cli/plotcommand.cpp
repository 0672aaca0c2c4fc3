#include "chartexport.h"
#include "commands.h"
#include "curvechartview.h"
#include "runcolors.h"
#include "runformat.h"

#include <QCoreApplication>
#include <QHash>

#include <map>

namespace {

// What a curve needs of its run: the legend's name, and the start for relative time.
struct RunNameAndStart
{
    QString name;
    qint64 startTime = Store::NoTime;
};

// Names and start times of the requested runs (deleted ones too: an id is explicit).
QHash<QString, RunNameAndStart> namesAndStarts(Store::MlflowStore &reader, const QStringList &runIds)
{
    QHash<QString, RunNameAndStart> info;
    Store::RunQuery query;
    query.view = Store::ViewType::All;
    const auto runs = reader.runs(query);
    if (!runs)
        return info;
    for (const QString &id : runIds) {
        const int row = runs->indexOfRun(id);
        if (row < 0)
            continue;
        const Store::RunAttributes &run = runs->run(row);
        info.insert(id, {RunFormat::runName(run.runName, id), run.startTime});
    }
    return info;
}

} // namespace

int runPlotCommand(const CommandLine &cl)
{
    auto reader = Cli::openStore(cl);
    if (!reader)
        return ExitStoreUnreadable;

    std::map<std::pair<int, int>, Store::MetricSeriesPtr> read; // (run, key) in argument order
    const Store::Error error
        = reader->readMetricSeries(cl.runIds, cl.metricKeys, [&](Store::MetricSeries &&s) {
              const int run = int(cl.runIds.indexOf(s.runId));
              const int key = int(cl.metricKeys.indexOf(s.key));
              read[{run, key}] = std::make_shared<const Store::MetricSeries>(std::move(s));
          });
    if (!error.ok()) {
        Cli::printError(error.message);
        return Cli::exitCodeFor(error);
    }
    const QHash<QString, RunNameAndStart> info = namesAndStarts(*reader, cl.runIds);

    std::vector<ChartCurve> curves;
    static const Qt::PenStyle keyStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
    for (const auto &[position, series] : read) {
        if (series->isEmpty()) {
            Cli::printError(QCoreApplication::translate("Cli", "run %1 has no metric %2; it is left out.")
                                .arg(series->runId, series->key));
            continue;
        }
        const RunNameAndStart run
            = info.value(series->runId, {RunFormat::runName({}, series->runId), Store::NoTime});
        ChartCurve c;
        c.curve = std::make_shared<MetricCurve>(series, run.startTime);
        c.runName
            = cl.metricKeys.size() > 1 ? QStringLiteral("%1 · %2").arg(run.name, series->key) : run.name;
        c.color = RunColors::color(series->runId);
        c.penStyle = keyStyles[position.second % 4];
        curves.push_back(std::move(c));
    }
    if (curves.empty()) {
        Cli::printError(
            QCoreApplication::translate("Cli", "nothing to plot: none of the runs has those metrics."));
        return ExitBadArguments;
    }

    CurveChartView view;
    view.setTitle(cl.metricKeys.join(QStringLiteral(", ")));
    view.setXAxis(CurveMath::xAxisFromName(cl.xAxis));
    view.setLogY(cl.logY);
    view.setIgnoreOutliers(cl.ignoreOutliers);
    view.setSmoothing(cl.smoothing);
    view.setDecimation(cl.decimate ? Decimation::M4 : Decimation::None);
    view.resize(cl.width, cl.height);
    view.setCurves(std::move(curves));
    if (!view.notice().isEmpty())
        Cli::printError(view.notice());
    const QString failure = ChartExport::save(view, cl.output, QSize(cl.width, cl.height));
    if (!failure.isEmpty()) {
        Cli::printError(failure);
        return ExitFailure;
    }
    return ExitOk;
}
