#include "changeconfirmdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

ChangeConfirmDialog::ChangeConfirmDialog(const QString &question, const QStringList &changes,
                                         const QString &store, QWidget *parent)
    : QDialog(parent), m_list(new QLabel(this)), m_option(new QCheckBox(this))
{
    setObjectName(QStringLiteral("changeConfirmDialog"));
    setWindowTitle(tr("Confirm Registry Change"));

    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(question.toHtmlEscaped()), this);
    heading->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("changeList"));
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setChanges(changes);
    m_option->setObjectName(QStringLiteral("changeOption"));
    m_option->hide();
    connect(m_option, &QCheckBox::toggled, this, &ChangeConfirmDialog::optionToggled);

    auto *where
        = new QLabel(tr("Written to %1 in one transaction; Edit › Undo reverts it.").arg(store), this);
    where->setWordWrap(true);
    where->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this).pixmap(size));
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(m_list);
    text->addWidget(m_option);
    text->addWidget(where);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void ChangeConfirmDialog::setChanges(const QStringList &changes)
{
    m_changes = changes;
    QString list = QStringLiteral("<ul style=\"margin-left: -20px\">");
    for (const QString &change : changes)
        list += QStringLiteral("<li>%1</li>").arg(change.toHtmlEscaped());
    list += QStringLiteral("</ul>");
    m_list->setText(list);
}

void ChangeConfirmDialog::setOption(const QString &text, bool checked)
{
    m_option->setText(text);
    m_option->setChecked(checked);
    m_option->show();
}

bool ChangeConfirmDialog::isOptionChecked() const
{
    return !m_option->isHidden() && m_option->isChecked(); // not isVisible(): false once the dialog closes
}
