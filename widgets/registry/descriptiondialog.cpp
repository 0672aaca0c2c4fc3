#include "descriptiondialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

DescriptionDialog::DescriptionDialog(const QString &title, const QString &markdown, QWidget *parent)
    : QDialog(parent), m_editor(new QPlainTextEdit(this)), m_preview(new QTextBrowser(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("descriptionDialog"));
    m_editor->setObjectName(QStringLiteral("descriptionEditor"));
    m_editor->setPlainText(markdown);
    m_editor->setPlaceholderText(tr("Describe this in Markdown: **bold**, `code`, lists, links…"));
    m_editor->setTabChangesFocus(true);
    m_preview->setObjectName(QStringLiteral("descriptionPreview"));
    m_preview->setOpenExternalLinks(true);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save the description (Ctrl+Return)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *save = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(save, &QShortcut::activated, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Markdown on the left, as MLflow shows it on the right."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &DescriptionDialog::updatePreview);
    updatePreview();
    resize(900, 520);
}

QString DescriptionDialog::markdown() const
{
    return m_editor->toPlainText();
}

void DescriptionDialog::updatePreview()
{
    m_preview->setMarkdown(m_editor->toPlainText());
}
