#pragma once

#include "chartgrid.h"
#include "chartstoolbar.h"
#include "curvemath.h"
#include "mergedruns.h"
#include "metriccurve.h"
#include "runtable.h"
#include "storeerror.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <vector>

class CurveChartView;
class MetricCurveLoader;
class MetricKeyListModel;
class MetricSeriesLoader;
class NoticeBar;
class PageFrame;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class AppSettings;
class QSlider;
class QStackedWidget;
class QTimer;

// The metric curves of the runs selected in the run browser: a checkable list of their metric
// keys on the left, one chart per checked key in a grid (or all of them in one chart), and a
// toolbar for the x axis, log scale, outliers, smoothing, zoom and export. Curves are read and
// kept by a MetricCurveLoader on the open store; curves already read stay when the selection
// grows, and a selection made while the page is hidden is applied when it is shown.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MinChartHeight = ChartGrid::MinChartHeight;
    // From this width of the chart area on, charts stand two abreast.
    static constexpr int TwoColumnWidth = ChartGrid::TwoColumnWidth;

    explicit ChartsPage(QWidget *parent = nullptr);
    ~ChartsPage() override;

    // The open store (any Store::Location); drops every curve of the previous one.
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    // The runs to plot: the selected rows of the runs shown (of one or more stores), which give
    // their names, start times and metric keys.
    void setRuns(const MergedRuns &shown, const QList<int> &selectedRows);
    // The runs the charts show, by run key (MergedRuns::runKey(): their ids when one store is
    // shown); a selection made while hidden shows once the page is.
    QStringList runIds() const { return m_runIds; }
    // Goes to a metric key (the command palette): the key list filtered to it, the key checked
    // (as a click checks it: remembered) and its chart, if the shown runs logged it, in view.
    void showMetric(const QString &key);

    bool isLoading() const;
    void cancelLoading();
    // Live updates: a store changed (empty: any); the shown curves of its runs get the points
    // stored since (quietly, without the loading state).
    void refreshCurves(const QString &location = {});

    void setXAxis(CurveMath::XAxis axis);
    CurveMath::XAxis xAxis() const { return m_xAxis; }
    void setSmoothing(double weight); // 0 .. 0.99, in steps of 0.01
    double smoothing() const { return m_smoothing; }
    // A change of x axis, log scale or smoothing needs a new line of every curve (O(N) each):
    // up to this many points in all they are built at once, beyond it on a worker, and the
    // charts switch when all are ready.
    void setInlineLineLimit(qsizetype points);
    bool isPreparingLines() const;

    // The charts in grid order.
    QList<CurveChartView *> charts() const;
    // The chart a PNG or SVG export shows: the one with the focus (or that had it last), else
    // the first.
    CurveChartView *exportTarget() const;
    // Writes by suffix: .png/.svg the export target, .csv every curve of every chart. Returns
    // an empty string on success, otherwise what went wrong (also emitted as exportFailed).
    QString exportTo(const QString &path);
    // The message shown instead of charts; empty when charts show.
    QString emptyText() const;

    MetricSeriesLoader *loader() const;
    MetricCurveLoader *curveLoader() const { return m_curves; }
    MetricKeyListModel *keyModel() const { return m_keyModel; }
    QListView *keyView() const { return m_keyView; }
    QLineEdit *keyFilterEdit() const { return m_keyFilter; }
    QComboBox *xAxisBox() const { return m_toolBar->xAxisBox(); }
    QSlider *smoothingSlider() const { return m_toolBar->smoothingSlider(); }
    QLabel *smoothingLabel() const { return m_toolBar->smoothingLabel(); }
    NoticeBar *noticeBar() const { return m_noticeBar; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *logYAction() const { return m_toolBar->logYAction(); }
    QAction *ignoreOutliersAction() const { return m_toolBar->ignoreOutliersAction(); }
    QAction *combineKeysAction() const { return m_toolBar->combineKeysAction(); }
    QAction *syncZoomAction() const { return m_toolBar->syncZoomAction(); }
    QAction *resetZoomAction() const { return m_toolBar->resetZoomAction(); }
    QAction *exportAction() const { return m_toolBar->exportAction(); }

    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

signals:
    void loadingChanged(bool loading);
    void progressChanged(qint64 done, qint64 total);
    void loadFailed(const Store::Error &error);
    void exportFailed(const QString &message);
    // Every curve of the checked keys of the shown runs has been read and is in the charts.
    void curvesLoaded();
    // The charts show the current x axis, log scale and smoothing (after updateLines()).
    void linesReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // The lines the charts draw with the current options: raw, and smoothed if smoothing.
    QList<MetricCurve::LineOptions> wantedLines() const;
    // Has the wanted lines built for every curve (on a worker when they are large); the charts
    // take the options once they are ready (applyLineOptions).
    void updateLines();
    void applyLineOptions();

    // What the charts need of a shown run.
    struct ChartedRun
    {
        QString name; // in the legends
        QString location; // its store
        QString runId;
        qint64 startTime = Store::NoTime;
        QSet<QString> keys; // of its latest metrics
    };

    void connectToolBar();
    void createLayout();
    void applyRuns();
    void loadMissing();
    void onCurvesLoaded();
    void rebuildCharts();
    void updateCharts();
    // Asks for the curves a server reduced (MetricCurveLoader::refine()) to be reduced to the
    // pixel columns each chart now draws.
    void refineCharts();
    void updateChart(CurveChartView *view, const QStringList &keys);
    // Per chart, the names in its legend.
    QList<QStringList> legends() const;
    void updateEmptyState();
    void updateNotices();
    void configure(CurveChartView *view) const;
    void forEachChart(const std::function<void(CurveChartView *)> &apply) const;
    void onXRangeChanged(CurveChartView *source, double min, double max);
    void chooseExportFile();

    MetricCurveLoader *m_curves; // read, of the shown runs
    MetricKeyListModel *m_keyModel;

    PageFrame *m_frame = nullptr;
    ChartsToolBar *m_toolBar = nullptr;
    NoticeBar *m_noticeBar = nullptr;
    QLineEdit *m_keyFilter = nullptr;
    QListView *m_keyView = nullptr;
    QStackedWidget *m_chartStack = nullptr; // hint / charts
    QLabel *m_hintLabel = nullptr;
    ChartGrid *m_chartGrid = nullptr;
    QTimer *m_updateTimer = nullptr;
    QTimer *m_refineTimer = nullptr; // a chart's frame changed: refine once it rests

    QString m_location;
    MergedRuns m_shown; // of the runs asked for
    QList<int> m_pendingRows; // of m_shown
    bool m_runsPending = false;
    bool m_applyingRuns = false;
    QStringList m_runIds; // shown, by run key
    QHash<QString, ChartedRun> m_chartedRuns; // the shown ones

    std::vector<CurveChartView *> m_charts; // grid order
    QStringList m_chartKeys; // per chart: its key, or empty for the combined chart
    QPointer<CurveChartView> m_focusedChart;
    bool m_syncingZoom = false;

    CurveMath::XAxis m_xAxis = CurveMath::XAxis::Step;
    double m_smoothing = 0;
};
