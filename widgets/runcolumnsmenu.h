#pragma once

#include <QHash>
#include <QMenu>

class AppSettings;
class QTreeView;
class RunTreeModel;

// The columns of a run table: which ones show (remembered in QSettings under
// `<settingsGroup>/hiddenColumns`, by column key such as "params.lr"), how wide they are (the
// user's widths, else defaults that fit the content), and the menu that chooses them. The name
// column always shows. A column can be hidden by default (setDefaultVisible()); a user's choice
// that differs from the default is remembered under `<settingsGroup>/shownColumns` or
// `hiddenColumns`, one that agrees with it clears the choice.
class RunColumnsMenu : public QMenu
{
    Q_OBJECT
public:
    // Tables up to this size get their text columns fitted to the content.
    static constexpr int FitContentLimit = 2000;

    RunColumnsMenu(QTreeView *view, RunTreeModel *model, const QString &settingsGroup,
                   QWidget *parent = nullptr);

    bool isColumnVisible(const QString &columnKey) const;
    void setColumnVisible(const QString &columnKey, bool visible);
    QStringList hiddenColumns() const { return m_hidden; }
    // Whether the column shows when the user has not chosen (true unless set here).
    void setDefaultVisible(const QString &columnKey, bool visible);

    // Hides and sizes the view's sections; call after the model's columns changed.
    void applyToView();
    // Fits the name, user and source columns to the rows shown (expand the tree first).
    void fitTextColumns();

    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

private:
    void fill();
    void showSection(int column, bool visible);
    void saveChoices() const;
    int defaultWidth(int column) const;

    QTreeView *m_view;
    RunTreeModel *m_model;
    QString m_settingsGroup;
    QStringList m_hidden; // the user's choices that differ from the default
    QStringList m_shown;
    QHash<QString, bool> m_defaultVisible; // absent: shown
    QHash<QString, int> m_widths; // widths the user chose, by column key
    bool m_isApplying = false; // sections resized by us, not by the user
};
