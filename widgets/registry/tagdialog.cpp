#include "tagdialog.h"

#include "registryrules.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

TagDialog::TagDialog(const QString &title, QWidget *parent, int version)
    : QDialog(parent),
      m_version(version),
      m_key(new QLineEdit(this)),
      m_value(new QPlainTextEdit(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("tagDialog"));
    m_key->setObjectName(QStringLiteral("tagKey"));
    m_value->setObjectName(QStringLiteral("tagValue"));
    m_value->setTabChangesFocus(true);
    m_value->setMaximumHeight(90);
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_problem->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Value:"), m_value);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Set Tag"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_key, &QLineEdit::textChanged, this, &TagDialog::validate);
    connect(m_value, &QPlainTextEdit::textChanged, this, &TagDialog::validate);
    validate();
    setMinimumWidth(420);
}

QString TagDialog::key() const
{
    return m_key->text().trimmed();
}

QString TagDialog::value() const
{
    return m_value->toPlainText();
}

void TagDialog::validate()
{
    const Store::Error error
        = key().isEmpty() ? Store::Error {} : Store::RegistryRules::checkTag(m_version, key(), value());
    m_problem->setText(error.message);
    m_problem->setVisible(!error.ok());
    m_ok->setEnabled(!key().isEmpty() && error.ok());
}
