#include "textpagepreview.h"

#include "pagerbar.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using Artifacts::PageAnchor;

TextPagePreview::TextPagePreview(QWidget *parent)
    : QWidget(parent), m_pager(new PagerBar(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("textPagePreview"));
    m_text->setObjectName(QStringLiteral("pageText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pager);
    layout->addWidget(m_text, 1);

    connect(m_pager, &PagerBar::firstRequested, this, [this] { emit pageRequested(0, PageAnchor::At); });
    connect(m_pager, &PagerBar::previousRequested, this,
            [this] { emit pageRequested(m_page.offset, PageAnchor::Before); });
    connect(m_pager, &PagerBar::nextRequested, this,
            [this] { emit pageRequested(m_page.end, PageAnchor::At); });
    connect(m_pager, &PagerBar::lastRequested, this, [this] { emit pageRequested(0, PageAnchor::Last); });
}

void TextPagePreview::setPage(const Artifacts::TextPage &page)
{
    m_page = page;
    m_pager->setVisible(!(page.isFirst() && page.isLast()));
    m_pager->setPage(page.offset, page.end, page.fileSize);
    m_text->setPlainText(page.ok() ? page.text : page.error);
}

void TextPagePreview::clear()
{
    m_page = {};
    m_text->clear();
}

QString TextPagePreview::text() const
{
    return m_text->toPlainText();
}
