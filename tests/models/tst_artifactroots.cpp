#include "artifactroots.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The per-store folder of `mlflow-artifacts:` URIs, kept in Kaizen's settings (test mode: never
// the user's own).
class TestArtifactRoots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_artifactroots"));
        QSettings().remove(QStringLiteral("artifactRoots"));
        QVERIFY(m_dir.isValid());
    }
    void cleanupTestCase() { QSettings().remove(QStringLiteral("artifactRoots")); }

    void setGetClear()
    {
        const QString store = m_dir.filePath(QStringLiteral("a/mlflow.db"));
        QCOMPARE(ArtifactRoots::root(store), QString());
        ArtifactRoots::setRoot(store, m_dir.filePath(QStringLiteral("served//artifacts/")));
        QCOMPARE(ArtifactRoots::root(store), m_dir.filePath(QStringLiteral("served/artifacts")));
        // Any spelling of the same store finds it.
        QCOMPARE(ArtifactRoots::root(QStringLiteral("sqlite:///") + store),
                 m_dir.filePath(QStringLiteral("served/artifacts")));
        QCOMPARE(QSettings().childGroups().contains(QStringLiteral("artifactRoots")), true);
        ArtifactRoots::setRoot(store, QString());
        QCOMPARE(ArtifactRoots::root(store), QString());
        QSettings settings;
        settings.beginGroup(QStringLiteral("artifactRoots"));
        QCOMPARE(settings.childKeys(), QStringList());
    }

    // Locations hold '/', ':' and '\': each store keeps its own key, none becomes a group.
    void storesKeptApart()
    {
        const QStringList stores
            = {m_dir.filePath(QStringLiteral("a/b.db")), m_dir.filePath(QStringLiteral("a_b.db")),
               m_dir.filePath(QStringLiteral("a/b\\c.db")),
               QStringLiteral("postgresql://user@db.example:5432/mlflow")};
        for (qsizetype i = 0; i < stores.size(); ++i)
            ArtifactRoots::setRoot(stores.at(i), m_dir.filePath(QString::number(i)));
        for (qsizetype i = 0; i < stores.size(); ++i)
            QCOMPARE(ArtifactRoots::root(stores.at(i)), m_dir.filePath(QString::number(i)));
        QSettings settings;
        settings.beginGroup(QStringLiteral("artifactRoots"));
        QCOMPARE(settings.childKeys().size(), stores.size());
        QCOMPARE(settings.childGroups(), QStringList());
        for (const QString &store : stores)
            ArtifactRoots::setRoot(store, QString());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestArtifactRoots)
#include "tst_artifactroots.moc"
