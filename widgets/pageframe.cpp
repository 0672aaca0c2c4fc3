#include "pageframe.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

PageFrame::PageFrame(const QString &name, QWidget *page)
    : QStackedWidget(page),
      m_messageLabel(new QLabel(this)),
      m_content(new QWidget(this)),
      m_contentLayout(new QVBoxLayout(m_content)),
      m_splitter(new QSplitter(Qt::Horizontal, m_content))
{
    m_messageLabel->setObjectName(name + QStringLiteral("EmptyLabel"));
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::RichText);

    m_splitter->setObjectName(name + QStringLiteral("Splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    m_contentLayout->setSpacing(4);
    m_contentLayout->addWidget(m_splitter, 1);

    addWidget(m_messageLabel);
    addWidget(m_content);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(this);
}

void PageFrame::addBar(QWidget *bar)
{
    m_contentLayout->insertWidget(m_contentLayout->count() - 1, bar);
}

void PageFrame::addPane(QWidget *pane, int stretch, int width)
{
    m_splitter->addWidget(pane);
    m_splitter->setStretchFactor(m_splitter->count() - 1, stretch);
    m_paneWidths.append(width);
    m_splitter->setSizes(m_paneWidths);
}

QByteArray PageFrame::saveState() const
{
    return m_splitter->saveState();
}

void PageFrame::restoreState(const QByteArray &state)
{
    if (state.isEmpty() || !m_splitter->restoreState(state))
        m_splitter->setSizes(m_paneWidths);
}

void PageFrame::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    setCurrentWidget(text.isEmpty() ? m_content : static_cast<QWidget *>(m_messageLabel));
}

QString PageFrame::message() const
{
    return currentWidget() == m_messageLabel ? m_messageLabel->text() : QString();
}
