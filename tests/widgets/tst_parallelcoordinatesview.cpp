// Parallel coordinates without a mouse: Tab reaches the view, the arrow keys choose an axis and
// brush a range on it, Delete and Escape clear; the brushes the keys make filter like a drag's.
#include "parallelcoordinatesview.h"

#include <QSignalSpy>
#include <QTest>

using namespace RunDiff;

class TestParallelCoordinatesView : public QObject
{
    Q_OBJECT

private slots:
    void keysChooseAnAxisAndBrushIt();
    void escapeGoesOnWhenNothingIsBrushed();

private:
    static Diff fourRuns();
};

// Four runs whose learning rates 0.1, 0.2, 0.3, 0.4 spread evenly along the first axis.
Diff TestParallelCoordinatesView::fourRuns()
{
    Diff diff;
    TextRow lr {QStringLiteral("learning_rate"), {}};
    TextRow optimizer {QStringLiteral("optimizer"), {}};
    for (int i = 0; i < 4; ++i) {
        diff.runs.append({QStringLiteral("run%1").arg(i), QStringLiteral("r%1").arg(i), QStringLiteral("0"),
                          QStringLiteral("e"), QString()});
        lr.values.append(QString::number(0.1 * (i + 1)));
        optimizer.values.append(i % 2 ? QStringLiteral("adam") : QStringLiteral("sgd"));
    }
    lr.differs = lr.numeric = optimizer.differs = true;
    diff.params = {lr, optimizer};
    return diff;
}

void TestParallelCoordinatesView::keysChooseAnAxisAndBrushIt()
{
    QWidget window;
    auto *before = new QWidget(&window);
    before->setFocusPolicy(Qt::StrongFocus);
    auto *view = new ParallelCoordinatesView(&window);
    view->setGeometry(0, 0, 600, 400);
    view->setDiff(fourRuns());
    view->setAxisKeys({QStringLiteral("params.learning_rate"), QStringLiteral("params.optimizer")});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    before->setFocus();
    QTest::keyClick(&window, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), view); // reached by Tab, not only by a click

    QSignalSpy changed(view, &ParallelCoordinatesView::brushChanged);
    QCOMPARE(view->currentAxis(), 0);
    // Up brushes the top fifth of the learning-rate axis: 0.4 alone.
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(view->brush(0)->first, 0.8);
    QCOMPARE(view->brushedRunIds(), QStringList {QStringLiteral("run3")});
    // Shift+Down stretches it downwards, four steps of a twentieth: 0.3 joins (position 2/3).
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QVERIFY(qAbs(view->brush(0)->first - 0.6) < 1e-9);
    QCOMPARE(view->brush(0)->second, 1.0);
    QCOMPARE(view->brushedRunIds(), (QStringList {QStringLiteral("run2"), QStringLiteral("run3")}));
    // Down slides it with its span kept, and never past the axis's end.
    for (int i = 0; i < 30; ++i)
        QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->brush(0)->first, 0.0);
    QVERIFY(qAbs(view->brush(0)->second - 0.4) < 1e-9);
    QCOMPARE(view->brushedRunIds(), (QStringList {QStringLiteral("run0"), QStringLiteral("run1")}));

    // Right moves to the optimizer axis (never past the last); Down brushes its bottom: adam or
    // sgd, whichever sits there, combined with the first axis's range.
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentAxis(), 1);
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(view->brush(1).has_value());
    QCOMPARE(view->brushedRunIds().size(), 1);
    // Delete clears the current axis's brush only; Escape clears the rest.
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!view->brush(1).has_value());
    QVERIFY(view->brush(0).has_value());
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!view->hasBrush());
    QCOMPARE(view->brushedRunIds().size(), 4);
}

void TestParallelCoordinatesView::escapeGoesOnWhenNothingIsBrushed()
{
    ParallelCoordinatesView view;
    view.setDiff(fourRuns());
    view.setAxisKeys({QStringLiteral("params.learning_rate")});
    QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&view, &escape);
    QVERIFY(!escape.isAccepted()); // a dialog holding the view may close on it
    view.setBrush(0, 0.5, 1);
    QKeyEvent again(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&view, &again);
    QVERIFY(again.isAccepted());
    QVERIFY(!view.hasBrush());
}

QTEST_MAIN(TestParallelCoordinatesView)
#include "tst_parallelcoordinatesview.moc"
