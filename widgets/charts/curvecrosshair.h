#pragma once

#include <QtGlobal>

class CurveLayer;
class QPainter;

// The crosshair over a chart's curves: a dashed vertical line at the cursor, and a box listing
// each visible curve's point nearest it (value, step or time, smoothed value, time since start).
namespace CurveCrosshair {

// At `sceneX` in the layer's coordinates; nothing when that is outside its plot area.
void draw(QPainter &painter, const CurveLayer &layer, qreal sceneX);

} // namespace CurveCrosshair
