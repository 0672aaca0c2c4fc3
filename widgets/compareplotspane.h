#pragma once

#include "rundiff.h"

#include <QTabWidget>

class ParallelCoordinatesView;
class QAction;
class QComboBox;
class QListWidget;
class ScatterView;

// The compare view's plots, a tab each: parallel coordinates of chosen params and metrics (a
// checkable list of axes beside them; brushing an axis range picks runs) and a scatter plot of
// any key against a metric (chosen above it; the brushed runs stand out). Its actions clear the
// brushing and export the plot shown.
class ComparePlotsPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Plot { ParallelPlot, ScatterPlot };

    explicit ComparePlotsPane(QWidget *parent = nullptr);

    // Fills the axes and the x/y boxes anew, keeping the keys chosen that `diff` still has;
    // brushing is cleared.
    void setDiff(const RunDiff::Diff &diff);

    // The runs brushed in the parallel coordinates; hasRunFilter() is false without a brush.
    bool hasRunFilter() const;
    QStringList filteredRunIds() const;
    void clearBrushing();
    // Chooses the parallel coordinates' axes (CompareAxis keys) as the checkable list would.
    void setAxisKeys(const QStringList &keys);
    // The axes the user chose (empty: the default ones), kept across diffs and sessions.
    QStringList chosenAxes() const { return m_chosenAxes; }
    void setChosenAxes(const QStringList &keys) { m_chosenAxes = keys; }
    void setScatterKeys(const QString &xKey, const QString &yKey);
    // Writes the current plot (.png, .svg); empty on success, else what went wrong (also
    // emitted as exportFailed).
    QString exportPlot(const QString &path);

    ParallelCoordinatesView *parallelView() const { return m_parallelView; }
    QListWidget *axisList() const { return m_axisList; }
    ScatterView *scatterView() const { return m_scatterView; }
    QComboBox *scatterXBox() const { return m_xBox; }
    QComboBox *scatterYBox() const { return m_yBox; }
    QAction *clearBrushingAction() const { return m_clearBrushAction; }
    QAction *exportPlotAction() const { return m_exportPlotAction; }

signals:
    // The brushed runs changed, or brushing was cleared (hasRunFilter(), filteredRunIds()).
    void runFilterChanged();
    void exportFailed(const QString &message);

private:
    void createActions();
    QWidget *createParallelTab();
    QWidget *createScatterTab();
    void onAxisItemChanged();
    void onBrushChanged();
    void chooseExportFile();

    RunDiff::Diff m_diff;
    ParallelCoordinatesView *m_parallelView = nullptr;
    QListWidget *m_axisList = nullptr;
    ScatterView *m_scatterView = nullptr;
    QComboBox *m_xBox = nullptr;
    QComboBox *m_yBox = nullptr;
    QAction *m_clearBrushAction = nullptr;
    QAction *m_exportPlotAction = nullptr;
    QStringList m_chosenAxes; // by the user; empty: the default ones
    bool m_fillingControls = false;
};
