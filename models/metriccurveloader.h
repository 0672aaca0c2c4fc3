#pragma once

#include "metriccurve.h"
#include "metricseries.h"
#include "storeerror.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <utility>

class MetricSeriesLoader;
class ReducedSeriesReader;

// The metric curves a page of charts shows, one per (run, key): histories read by a
// MetricSeriesLoader, made into MetricCurves with the wanted lines built on a worker (O(N) each),
// and kept while their run is among the runs set. Curves arrive through the event loop.
//
// Curves of a database server come reduced in the server while every wanted line is drawn over
// steps without smoothing (ReducedSeriesReader): first an overview of each series, then, through
// refine(), the rows a chart's pixel columns need, which draw what every row would. Other lines
// read the series whole.
//
// The wanted lines (x axis, log scale, smoothing) are built for every curve on setLines(): at
// once when small, otherwise on a worker, with linesReady once all are adopted; a newer
// setLines() drops the lines of an older one still being built.
class MetricCurveLoader : public QObject
{
    Q_OBJECT
public:
    using CurveKey = std::pair<QString, QString>; // run key, metric key
    // A run whose curves are kept: its store, its id, and its start time (the origin of its
    // relative time axis).
    struct CurveRun
    {
        QString location;
        QString runId;
        qint64 startTime = 0;
    };

    explicit MetricCurveLoader(QObject *parent = nullptr);
    ~MetricCurveLoader() override;

    MetricSeriesLoader *seriesLoader() const { return m_loader; }

    // The open store (any Store::Location); drops every curve of the previous one.
    void setLocation(const QString &location);
    // The runs whose curves are kept, by run key (RunTreeModel::runKey()): runs of any store.
    // The curves of other runs are dropped, and so are their results in flight.
    void setRuns(const QHash<QString, CurveRun> &runs);

    // Reads the curves of `wanted` that are neither kept, known to have no rows, nor being
    // prepared; emits curvesLoaded when they are. When none is missing, cancels the load in
    // flight and returns whether no curve is being prepared either (all of `wanted` are there).
    bool load(const QList<CurveKey> &wanted);
    void cancel();
    bool isLoading() const;

    // The curve of (run key, metric key), null until it is read and prepared, or when it has no
    // rows.
    std::shared_ptr<MetricCurve> curve(const QString &runKey, const QString &key) const;

    // The lines every curve is to have; builds those they lack. Those of at most
    // inlineLineLimit() points in all are built at once and linesReady is emitted from here.
    // Returns true when curves reduced in a server were dropped because the lines need every row:
    // load() them again.
    bool setLines(const QList<MetricCurve::LineOptions> &lines);
    QList<MetricCurve::LineOptions> lines() const { return m_lines; }
    void setInlineLineLimit(qsizetype points) { m_inlineLinePoints = points; }
    qsizetype inlineLineLimit() const { return m_inlineLinePoints; }
    bool isPreparingLines() const { return m_preparingLines; }

    // Reads the reduced curves among `curves` again for a chart's pixel columns (steps), unless they
    // were reduced for those; each replaced curve comes as curveAdded.
    void refine(const QList<CurveKey> &curves, const Store::PixelColumns &columns);
    // Whether the curve is a reduction (see refine()), and for which columns (invalid: an overview).
    bool isReduced(const CurveKey &curve) const { return m_reducedFor.contains(curve); }
    Store::PixelColumns reducedFor(const CurveKey &curve) const { return m_reducedFor.value(curve); }

    // Live updates: reads the rows stored since each kept curve was read, and the curves of kept
    // runs that had no rows, on a worker; each curve that grew is replaced (curveAdded), then
    // refreshed(). Never reads a series whole unless the store says it changed other than by
    // appending. Only the curves of runs of `location` when given. A refresh() while one is
    // running is run once after it.
    void refresh(const QString &location = {});
    bool isRefreshing() const { return m_refreshing; }

signals:
    // A curve was read and prepared (one signal per curve); also when a refresh replaced it.
    void curveAdded(const QString &runId, const QString &key);
    // Every curve of the load has been read and prepared.
    void curvesLoaded();
    void loadFailed(const Store::Error &error);
    // Every curve has the lines of the last setLines().
    void linesReady();
    // A refresh() is done (curveAdded came for each curve that grew).
    void refreshed();

private:
    // Whether the lines can be drawn from a server's reduction.
    static bool reducible(const QList<MetricCurve::LineOptions> &lines);
    void onReducedRead(quint64 id, const QString &location, const Store::PixelColumns &columns,
                       const Store::MetricSeriesPtr &series);
    void onReducedReadFinished(quint64 id, const Store::Error &error);
    void onSeriesLoaded(const QString &location, const Store::MetricSeriesPtr &series);
    void onLoadFinished(MetricSeriesLoader *loader);
    // The series loader of a store: m_loader for the store of setLocation(), one of its own for
    // any other.
    MetricSeriesLoader *loaderFor(const QString &location);
    void connectLoader(MetricSeriesLoader *loader);

    MetricSeriesLoader *m_loader;
    ReducedSeriesReader *m_reducer;
    QSet<quint64> m_overviewReads; // of the load in flight
    QHash<CurveKey, quint64> m_refining; // the read refining each curve
    QHash<CurveKey, Store::PixelColumns> m_reducedFor; // the curves that are reductions
    QHash<QString, MetricSeriesLoader *> m_otherLoaders; // by location
    QSet<MetricSeriesLoader *> m_loading; // of the load in flight
    QHash<QString, CurveRun> m_runs; // by run key: those whose curves are kept
    QHash<QString, QString> m_keyOfRun; // "<location>\n<run id>" -> run key

    QHash<CurveKey, std::shared_ptr<MetricCurve>> m_curves; // read
    QSet<CurveKey> m_absent; // read, no rows
    QSet<CurveKey> m_requested; // by the load in flight
    QSet<CurveKey> m_preparing; // read, their first lines being built on a worker
    bool m_finishPending = false; // the load finished while curves were being prepared

    QList<MetricCurve::LineOptions> m_lines {MetricCurve::LineOptions()};
    qsizetype m_inlineLinePoints = 2'000'000;
    quint64 m_lineGeneration = 0; // a newer setLines() drops the older one's lines
    bool m_preparingLines = false;
    bool m_refreshing = false;
    QSet<QString> m_refreshAgain; // the stores refresh() was called for while one ran ("": all)
    quint64 m_locationGeneration = 0; // a refresh of an earlier store is dropped
};
