#include "registrystore.h"
#include "registryundocommand.h"
#include "registrywriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace RegistryStore;

class TestRegistryUndoCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void redoUndoRedo();
    void undoWhileRedoInFlight();
    void refusedUndoKeepsChange();
    void refusedRedoCanBeRetried();
    void writerGone();

private:
    // Waits until the writer answered every write asked for so far.
    bool settle();
    RegistryUndoCommand *push(const Store::RegistryChange &change);

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<RegistryWriter> m_writer;
    std::unique_ptr<QUndoStack> m_stack;
};

void TestRegistryUndoCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestRegistryUndoCommand::init()
{
    m_store = build(m_dir, QString::fromLatin1(QTest::currentTestFunction()) + QLatin1String(".db"));
    QVERIFY(!m_store.isEmpty());
    m_writer = std::make_unique<RegistryWriter>();
    m_stack = std::make_unique<QUndoStack>();
    QSignalSpy answered(m_writer.get(), &RegistryWriter::writabilityChanged);
    m_writer->setWritable(m_store, true);
    QVERIFY(answered.wait());
    QVERIFY2(answered.first().at(1).toBool(), qPrintable(answered.first().at(2).toString()));
}

void TestRegistryUndoCommand::cleanup()
{
    m_stack.reset(); // the commands before their writer
    m_writer.reset();
}

bool TestRegistryUndoCommand::settle()
{
    return QTest::qWaitFor([this] { return m_writer->pendingCount() == 0; }, 10000);
}

RegistryUndoCommand *TestRegistryUndoCommand::push(const Store::RegistryChange &change)
{
    auto *command = new RegistryUndoCommand(m_writer.get(), m_store, change);
    m_stack->push(command); // redo(): the user's action
    return command;
}

void TestRegistryUndoCommand::redoUndoRedo()
{
    QSignalSpy applied(m_writer.get(), &RegistryWriter::changeApplied);
    QSignalSpy failed(m_writer.get(), &RegistryWriter::changeFailed);
    // As the planner makes it: with the versions the user saw, which the first write checks.
    Store::RegistryChange change
        = stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production"));
    change.seen = seen(m_store, Classifier);
    QCOMPARE(change.seen.size(), 4);
    RegistryUndoCommand *command = push(change);
    QCOMPARE(command->text(), QStringLiteral("Version 3 to Production"));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Version 3 to Production"));
    QVERIFY(command->isPending());
    QVERIFY(settle());
    QVERIFY(command->isApplied());
    QVERIFY(!command->isPending());
    QCOMPARE(stageOf(m_store, Classifier, 3), QStringLiteral("Production"));

    m_stack->undo();
    QVERIFY(settle());
    QVERIFY(!command->isApplied());
    QCOMPARE(stageOf(m_store, Classifier, 3), QStringLiteral("Staging"));

    m_stack->redo();
    QVERIFY(settle());
    QVERIFY(command->isApplied());
    QCOMPARE(stageOf(m_store, Classifier, 3), QStringLiteral("Production"));
    // The redo is not held to the times the user saw before the first write and its undo.
    QCOMPARE(failed.count(), 0);
    QCOMPARE(applied.count(), 3);
    QVERIFY(command->lastError().ok());
    QVERIFY(!applied.at(0).at(2).value<Store::RegistryChange>().seen.isEmpty());
    QVERIFY(applied.at(2).at(2).value<Store::RegistryChange>().seen.isEmpty());
}

void TestRegistryUndoCommand::undoWhileRedoInFlight()
{
    // Undo pressed before the write reached the store: the inverse is queued behind it.
    push(stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Staging")));
    push(stageChange(Classifier, 4, QStringLiteral("Staging"), QStringLiteral("Production")));
    m_stack->undo();
    m_stack->undo();
    QVERIFY(settle());
    QCOMPARE(stageOf(m_store, Classifier, 4), QStringLiteral("None"));
    m_stack->redo();
    m_stack->redo();
    QVERIFY(settle());
    QCOMPARE(stageOf(m_store, Classifier, 4), QStringLiteral("Production"));
}

void TestRegistryUndoCommand::refusedUndoKeepsChange()
{
    QSignalSpy failed(m_writer.get(), &RegistryWriter::changeFailed);
    RegistryUndoCommand *command
        = push(stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production")));
    QVERIFY(settle());
    QVERIFY(command->isApplied());

    // Another process archives version 3; undoing would move it back to Staging from a stage it
    // is no longer in: refused, nothing written, and said so.
    QVERIFY(setStageBehindTheBack(m_store, Classifier, 3, QStringLiteral("Archived")));
    m_stack->undo();
    QVERIFY(settle());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).value<quint64>(), command->lastRequest());
    QCOMPARE(failed.first().at(3).value<Store::Error>().code, Store::Error::Conflict);
    QCOMPARE(command->lastError().code, Store::Error::Conflict);
    QVERIFY(command->isApplied()); // as far as its own writes go, the change is still there
    QCOMPARE(stageOf(m_store, Classifier, 3), QStringLiteral("Archived"));

    // Redo brings the stack back in step with what the command wrote: nothing to write.
    const quint64 lastRequest = command->lastRequest();
    m_stack->redo();
    QCOMPARE(m_writer->pendingCount(), 0);
    QCOMPARE(command->lastRequest(), lastRequest);
    QCOMPARE(stageOf(m_store, Classifier, 3), QStringLiteral("Archived"));
}

void TestRegistryUndoCommand::refusedRedoCanBeRetried()
{
    QSignalSpy failed(m_writer.get(), &RegistryWriter::changeFailed);
    QSignalSpy applied(m_writer.get(), &RegistryWriter::changeApplied);
    // The user saw version 4 in None, but another process had moved it to Staging.
    QVERIFY(setStageBehindTheBack(m_store, Classifier, 4, QStringLiteral("Staging")));
    RegistryUndoCommand *command
        = push(stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Production")));
    QVERIFY(settle());
    QCOMPARE(failed.count(), 1);
    QVERIFY(!command->isApplied());
    QCOMPARE(command->lastError().code, Store::Error::Conflict);

    // Undoing a change that never happened writes nothing.
    const quint64 lastRequest = command->lastRequest();
    m_stack->undo();
    QCOMPARE(m_writer->pendingCount(), 0);
    QCOMPARE(command->lastRequest(), lastRequest);

    // Once the store is as the user saw it, redo tries again and succeeds.
    QVERIFY(setStageBehindTheBack(m_store, Classifier, 4, QStringLiteral("None")));
    m_stack->redo();
    QVERIFY(settle());
    QCOMPARE(applied.count(), 1);
    QVERIFY(command->isApplied());
    QCOMPARE(stageOf(m_store, Classifier, 4), QStringLiteral("Production"));
}

void TestRegistryUndoCommand::writerGone()
{
    auto *command = new RegistryUndoCommand(
        m_writer.get(), m_store,
        stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Staging")));
    m_writer.reset();
    m_stack->push(command); // no writer: nothing to write with, nothing crashes
    QVERIFY(!command->isApplied());
    QVERIFY(!command->isPending());
    QCOMPARE(command->lastRequest(), quint64(0));
    QCOMPARE(stageOf(m_store, Classifier, 4), QStringLiteral("None"));
}

QTEST_GUILESS_MAIN(TestRegistryUndoCommand)
#include "tst_registryundocommand.moc"
