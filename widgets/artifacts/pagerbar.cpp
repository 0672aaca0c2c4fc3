#include "pagerbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

PagerBar::PagerBar(QWidget *parent) : QWidget(parent), m_position(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_first = addButton(tr("⏮ First"), QStringLiteral("firstPage"), &PagerBar::firstRequested);
    m_previous = addButton(tr("◀ Previous"), QStringLiteral("previousPage"), &PagerBar::previousRequested);
    m_next = addButton(tr("Next ▶"), QStringLiteral("nextPage"), &PagerBar::nextRequested);
    m_last = addButton(tr("Last ⏭"), QStringLiteral("lastPage"), &PagerBar::lastRequested);
    m_position->setObjectName(QStringLiteral("pagePosition"));
    m_position->setForegroundRole(QPalette::PlaceholderText);
    layout->addSpacing(8);
    layout->addWidget(m_position, 1);
}

QToolButton *PagerBar::addButton(const QString &text, const QString &objectName, void (PagerBar::*signal)())
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, signal);
    layout()->addWidget(button);
    return button;
}

void PagerBar::setPage(qint64 offset, qint64 end, qint64 fileSize)
{
    const bool first = offset <= 0;
    const bool last = end >= fileSize;
    m_first->setEnabled(!first);
    m_previous->setEnabled(!first);
    m_next->setEnabled(!last);
    m_last->setEnabled(!last);
    const QLocale locale;
    m_position->setText(
        tr("Bytes %1 – %2 of %3 (%4 %)")
            .arg(locale.toString(offset), locale.toString(end), locale.toString(fileSize))
            .arg(fileSize > 0 ? locale.toString(100.0 * end / fileSize, 'f', 1) : QStringLiteral("100")));
}

QString PagerBar::positionText() const
{
    return m_position->text();
}
