#pragma once

#include <QWidget>

class ArtifactDiffView;
class ArtifactsPane;
class QLabel;
class QStackedWidget;
class QToolButton;

// The Artifacts tab: the current run's artifacts with room for big previews, or two runs'
// artifacts compared (the union of both trees, files side by side).
class ArtifactsPage : public QWidget
{
    Q_OBJECT
public:
    // One run of a comparison: a run id in a store (any Store::Location).
    struct RunRef
    {
        QString location;
        QString runId;
        QString runName;
    };

    explicit ArtifactsPage(QWidget *parent = nullptr);

    ArtifactsPane *pane() const { return m_pane; }
    ArtifactDiffView *diffView() const { return m_diffView; }

    // Follows the run browser's current run (the pane shows it; a comparison stays on screen).
    void showRun(const QString &storeLocation, const QString &runId, const QString &runName,
                 const QString &artifactUri);
    // Compares the artifacts of two runs: reads both artifact URIs and resolves them on a
    // worker, then shows the comparison (or why it cannot be made).
    void compareRuns(const RunRef &left, const RunRef &right);
    bool isComparing() const;
    // Back to the current run's artifacts.
    void showBrowser();
    // What the comparison bar says while the runs' folders are looked for, or why they cannot be
    // compared; empty once the comparison shows.
    QString comparisonText() const;

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    // A comparison was asked for (the window shows this page).
    void comparisonStarted();
    // A comparison could not be made (a run's artifacts are missing or remote, the store failed).
    void compareFailed(const QString &message);

private:
    ArtifactsPane *m_pane;
    ArtifactDiffView *m_diffView;
    QStackedWidget *m_stack;
    QWidget *m_comparePane;
    QLabel *m_compareLabel;
    quint64 m_generation = 0;
};
