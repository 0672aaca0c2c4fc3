#pragma once

#include "hexdump.h"

#include <QWidget>

class PagerBar;
class QPlainTextEdit;

// A file's bytes as a hex dump (offset, hex, ASCII), one page at a time, with its size.
class HexPreview : public QWidget
{
    Q_OBJECT
public:
    explicit HexPreview(QWidget *parent = nullptr);

    void setPage(const Artifacts::HexPage &page);
    void clear();
    const Artifacts::HexPage &page() const { return m_page; }
    QString text() const;

signals:
    void pageRequested(qint64 offset);

private:
    PagerBar *m_pager;
    QPlainTextEdit *m_text;
    Artifacts::HexPage m_page;
};
