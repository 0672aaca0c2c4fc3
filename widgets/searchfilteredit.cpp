#include "searchfilteredit.h"

#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

SearchFilterEdit::SearchFilterEdit(QWidget *parent)
    : QWidget(parent),
      m_edit(new QLineEdit(this)),
      m_errorLabel(new QLabel(this)),
      m_debounce(new QTimer(this))
{
    m_edit->setObjectName(QStringLiteral("filterLineEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("Filter runs: metrics.acc > 0.9 AND params.optimizer = 'adam'"));
    m_edit->setToolTip(tr("MLflow search syntax: comparisons on metrics.<key>, params.<key>, tags.<key> and "
                          "attributes (status, run_name, start_time ...) joined with AND.\n"
                          "Applies on Enter or when you stop typing."));
    m_errorLabel->setObjectName(QStringLiteral("filterErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_errorLabel->setPalette(palette);
    m_errorLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_errorLabel);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchFilterEdit::apply);
    connect(m_edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    // The clear button changes the text without textEdited.
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            apply();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &SearchFilterEdit::apply);
}

QString SearchFilterEdit::text() const
{
    return m_edit->text();
}

void SearchFilterEdit::setText(const QString &text)
{
    m_edit->setText(text);
    apply();
}

bool SearchFilterEdit::hasError() const
{
    return !m_errorLabel->isHidden();
}

QString SearchFilterEdit::errorText() const
{
    return hasError() ? m_errorLabel->text() : QString();
}

void SearchFilterEdit::focusAndSelectAll()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchFilterEdit::apply()
{
    m_debounce->stop();
    const QString text = m_edit->text().trimmed();
    const SearchFilter filter = SearchFilter::parse(text);
    if (!filter.isValid()) {
        // The message says what is wrong and ends with the column.
        showError(tr("Invalid filter: %1").arg(filter.errorString()));
        return;
    }
    clearError();
    if (text == m_appliedText)
        return;
    m_appliedText = text;
    m_filter = filter;
    emit filterChanged(m_filter);
}

void SearchFilterEdit::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
    m_edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c62828; border-radius: 2px; "
                                         "padding: 2px; }"));
}

void SearchFilterEdit::clearError()
{
    m_errorLabel->hide();
    m_errorLabel->clear();
    m_edit->setStyleSheet(QString());
}
