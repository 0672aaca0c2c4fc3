#pragma once

#include <QWidget>

class QLabel;
class QSplitter;
class QTextBrowser;
class QTreeView;
class RunDetailsModel;

// The details pane of the runs page: the run's name in its colour, its values (a tree over a
// RunDetailsModel) and its note rendered as Markdown.
class RunDetailsView : public QWidget
{
    Q_OBJECT
public:
    explicit RunDetailsView(RunDetailsModel *model, QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    QTextBrowser *noteBrowser() const { return m_note; }
    QString title() const;

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

private:
    void refresh();

    RunDetailsModel *m_model;
    QLabel *m_title;
    QSplitter *m_splitter;
    QTreeView *m_tree;
    QWidget *m_notePane;
    QTextBrowser *m_note;
};
