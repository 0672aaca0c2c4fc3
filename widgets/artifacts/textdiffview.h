#pragma once

#include "textdiff.h"

#include <QWidget>

class DiffTextEdit;
class QLabel;

// A text diff side by side: two synchronised read-only views with line numbers, one row per
// TextDiffRow. Removed and changed lines of the left side on a red tint, added and changed lines
// of the right side on a green one, the changed characters inside a changed pair stronger; a row
// that only one side has leaves a grey gap on the other.
class TextDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit TextDiffView(QWidget *parent = nullptr);

    void setDiff(const Artifacts::TextDiff &diff, const QString &leftTitle, const QString &rightTitle);
    void clear();

    DiffTextEdit *leftEdit() const { return m_left; }
    DiffTextEdit *rightEdit() const { return m_right; }
    // The notice above the texts (a cap was hit, JSON was pretty-printed); empty when none.
    QString notice() const;

    // The tints, blended into the palette's base colour so that dark themes stay dark.
    static QColor removedLineTint(const QPalette &palette);
    static QColor removedCharacterTint(const QPalette &palette);
    static QColor addedLineTint(const QPalette &palette);
    static QColor addedCharacterTint(const QPalette &palette);
    static QColor gapTint(const QPalette &palette);

private:
    void synchronise(DiffTextEdit *a, DiffTextEdit *b);

    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    QLabel *m_notice;
    DiffTextEdit *m_left;
    DiffTextEdit *m_right;
};
