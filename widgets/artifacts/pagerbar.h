#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

// First / previous / next / last buttons and where the page lies in the file, for the paged
// text and hex views. Buttons that lead nowhere are disabled; they say what they want by signal.
class PagerBar : public QWidget
{
    Q_OBJECT
public:
    explicit PagerBar(QWidget *parent = nullptr);

    // The page [offset, end) of a file of `fileSize` bytes is shown.
    void setPage(qint64 offset, qint64 end, qint64 fileSize);
    QString positionText() const;

signals:
    void firstRequested();
    void previousRequested();
    void nextRequested();
    void lastRequested();

private:
    QToolButton *addButton(const QString &text, const QString &objectName, void (PagerBar::*signal)());

    QToolButton *m_first;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_last;
    QLabel *m_position;
};
