#include "textdiffview.h"

#include "difftextedit.h"
#include "tint.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

using Artifacts::TextDiffRow;

namespace {

const QColor Red(0xcf, 0x22, 0x2e);
const QColor Green(0x1a, 0x7f, 0x37);

enum class Side { Left, Right };

// The highlights of one side: a full-width tint per differing row, a stronger one per range.
QList<QTextEdit::ExtraSelection> highlights(DiffTextEdit *edit, const QList<TextDiffRow> &rows, Side side)
{
    const QPalette &palette = edit->palette();
    const bool left = side == Side::Left;
    const QColor lineTint
        = left ? TextDiffView::removedLineTint(palette) : TextDiffView::addedLineTint(palette);
    const QColor charTint
        = left ? TextDiffView::removedCharacterTint(palette) : TextDiffView::addedCharacterTint(palette);
    QList<QTextEdit::ExtraSelection> selections;
    QTextDocument *document = edit->document();
    for (int i = 0; i < rows.size(); ++i) {
        const TextDiffRow &row = rows[i];
        if (row.kind == TextDiffRow::Equal)
            continue;
        const bool present = left ? row.leftLineNumber > 0 : row.rightLineNumber > 0;
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(document->findBlockByNumber(i));
        line.format.setBackground(present ? lineTint : TextDiffView::gapTint(palette));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(line);
        const QTextBlock block = document->findBlockByNumber(i);
        for (const Artifacts::TextRange &range : left ? row.leftRanges : row.rightRanges) {
            QTextEdit::ExtraSelection characters;
            characters.cursor = QTextCursor(block);
            characters.cursor.setPosition(block.position() + range.start);
            characters.cursor.setPosition(block.position() + range.start + range.length,
                                          QTextCursor::KeepAnchor);
            characters.format.setBackground(charTint);
            selections.append(characters);
        }
    }
    return selections;
}

} // namespace

TextDiffView::TextDiffView(QWidget *parent)
    : QWidget(parent),
      m_leftTitle(new QLabel(this)),
      m_rightTitle(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_left(new DiffTextEdit(this)),
      m_right(new DiffTextEdit(this))
{
    m_left->setObjectName(QStringLiteral("leftText"));
    m_right->setObjectName(QStringLiteral("rightText"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    for (QLabel *title : {m_leftTitle, m_rightTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }
    auto *grid = new QGridLayout;
    grid->addWidget(m_leftTitle, 0, 0);
    grid->addWidget(m_rightTitle, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    grid->setHorizontalSpacing(4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addLayout(grid);
    synchronise(m_left, m_right);
    synchronise(m_right, m_left);
}

void TextDiffView::synchronise(DiffTextEdit *a, DiffTextEdit *b)
{
    connect(a->verticalScrollBar(), &QScrollBar::valueChanged, b->verticalScrollBar(), &QScrollBar::setValue);
    connect(a->horizontalScrollBar(), &QScrollBar::valueChanged, b->horizontalScrollBar(),
            &QScrollBar::setValue);
}

QColor TextDiffView::removedLineTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), Red, Tint::isDark(palette) ? 0.25 : 0.12);
}

QColor TextDiffView::removedCharacterTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), Red, Tint::isDark(palette) ? 0.55 : 0.35);
}

QColor TextDiffView::addedLineTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), Green, Tint::isDark(palette) ? 0.25 : 0.12);
}

QColor TextDiffView::addedCharacterTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), Green, Tint::isDark(palette) ? 0.55 : 0.35);
}

QColor TextDiffView::gapTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.06);
}

QString TextDiffView::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void TextDiffView::setDiff(const Artifacts::TextDiff &diff, const QString &leftTitle,
                           const QString &rightTitle)
{
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    QStringList notices;
    if (diff.prettyPrintedJson)
        notices.append(tr("Both sides are JSON: compared pretty-printed, keys sorted."));
    if (!diff.notice.isEmpty())
        notices.append(diff.notice);
    m_notice->setText(notices.join(QLatin1Char(' ')));
    m_notice->setVisible(!notices.isEmpty());

    QStringList leftLines, rightLines;
    QList<int> leftNumbers, rightNumbers;
    for (const TextDiffRow &row : diff.rows) {
        leftLines.append(row.leftText);
        rightLines.append(row.rightText);
        leftNumbers.append(row.leftLineNumber);
        rightNumbers.append(row.rightLineNumber);
    }
    m_left->setPlainText(leftLines.join(QLatin1Char('\n')));
    m_right->setPlainText(rightLines.join(QLatin1Char('\n')));
    m_left->setLineNumbers(leftNumbers);
    m_right->setLineNumbers(rightNumbers);
    m_left->setExtraSelections(highlights(m_left, diff.rows, Side::Left));
    m_right->setExtraSelections(highlights(m_right, diff.rows, Side::Right));
}

void TextDiffView::clear()
{
    setDiff({}, QString(), QString());
}
