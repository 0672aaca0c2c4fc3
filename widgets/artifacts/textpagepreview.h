#pragma once

#include "previewloader.h"
#include "textpager.h"

#include <QWidget>

class PagerBar;
class QPlainTextEdit;

// A text file one page at a time (TextPager's pages), with the pager bar while the file is
// longer than a page. It asks for pages by signal; ArtifactPreview reads them on its worker.
class TextPagePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TextPagePreview(QWidget *parent = nullptr);

    void setPage(const Artifacts::TextPage &page);
    void clear();
    const Artifacts::TextPage &page() const { return m_page; }
    QString text() const;

signals:
    void pageRequested(qint64 offset, Artifacts::PageAnchor anchor);

private:
    PagerBar *m_pager;
    QPlainTextEdit *m_text;
    Artifacts::TextPage m_page;
};
