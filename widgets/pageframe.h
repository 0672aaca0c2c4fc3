#pragma once

#include <QStackedWidget>

class QLabel;
class QSplitter;
class QVBoxLayout;

// The frame the pages share: a centred message while there is nothing to show (no store open,
// too few runs selected), else the page's bars (tool bar, notice bar) above a splitter of its
// panes.
class PageFrame : public QStackedWidget
{
    Q_OBJECT
public:
    // Fills `page`, which has no layout yet. `name` prefixes the object names ("charts":
    // chartsSplitter, chartsEmptyLabel).
    PageFrame(const QString &name, QWidget *page);

    // Above the splitter, in the order added.
    void addBar(QWidget *bar);
    // To the right of the panes added before, with its stretch factor (its share of a change in
    // width) and its width at first.
    void addPane(QWidget *pane, int stretch, int width);
    QSplitter *splitter() const { return m_splitter; }
    // The panes' widths as the user left them; an empty state puts back the widths at first.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);
    QLabel *messageLabel() const { return m_messageLabel; }

    // Shows `text` (rich text) instead of the content; an empty text shows the content.
    void showMessage(const QString &text);
    // The message shown; empty while the content shows.
    QString message() const;

private:
    QLabel *m_messageLabel;
    QWidget *m_content;
    QVBoxLayout *m_contentLayout;
    QSplitter *m_splitter;
    QList<int> m_paneWidths;
};
