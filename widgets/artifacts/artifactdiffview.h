#pragma once

#include "filepaircontents.h"

#include <QWidget>

class ArtifactDiffLoader;
class ArtifactDiffModel;
class ImageDiffView;
class QCheckBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTreeView;
class TextDiffView;

// Two runs' artifacts compared: the union of both trees with added, removed and changed paths
// marked (a legend, "only differences"), and for the selected file pair its contents side by
// side: text, JSON and YAML as a line diff with changed characters highlighted, images side by
// side or as an overlay, other files by size and SHA-256. Everything is read on workers
// (ArtifactDiffLoader); nothing is ever written.
class ArtifactDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit ArtifactDiffView(QWidget *parent = nullptr);

    // Compares the artifact folders `leftRoot` and `rightRoot` (absolute, resolved); the titles
    // name the runs in the view. Supersedes the comparison before.
    void compare(const QString &leftRoot, const QString &leftTitle, const QString &rightRoot,
                 const QString &rightTitle);
    void clear();

    // Selects a path of the tree (shown even when "only differences" hides it); false when the
    // trees hold no such path.
    bool selectPath(const QString &relativePath);
    void setOnlyDifferences(bool only);

    ArtifactDiffModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    TextDiffView *textDiffView() const { return m_text; }
    ImageDiffView *imageDiffView() const { return m_images; }
    // The page showing the selected pair: text, images, or a message (bytes, folders, errors).
    QWidget *currentPage() const;
    // The message page's text, and the notice above the contents (a side missing).
    QString message() const;
    QString notice() const;

signals:
    // A file pair's diff is on screen.
    void diffShown(const QString &relativePath);
    // The tree diff arrived: the number of paths that differ (Artifacts::TreeDiff::changedCount).
    void treeCompared(int changedCount);

private:
    QWidget *createTreePane();
    void showMessage(const QString &text);
    void showSelected();
    void showFilePair(const QString &relativePath, const Artifacts::FilePairContents &contents);
    QString binaryText(const Artifacts::FilePairContents &contents) const;

    ArtifactDiffLoader *m_loader;
    ArtifactDiffModel *m_model;
    QString m_leftTitle;
    QString m_rightTitle;
    QString m_shownPath; // the file pair requested or on screen
    QLabel *m_header;
    QProgressBar *m_progress;
    QCheckBox *m_onlyDifferences;
    QTreeView *m_tree;
    QLabel *m_notice;
    QStackedWidget *m_pages;
    QLabel *m_message;
    TextDiffView *m_text;
    ImageDiffView *m_images;
};
