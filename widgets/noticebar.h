#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A slim bar above a page for non-fatal news about the store ("this schema is newer than
// Kaizen knows"). Hidden while it has nothing to say; the user can dismiss it.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows `text`; an empty text hides the bar.
    void setText(const QString &text);
    QString text() const;

signals:
    // A link in a rich text (<a href="...">) was clicked.
    void linkActivated(const QString &link);

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};
