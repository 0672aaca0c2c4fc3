#pragma once

#include <QRandomGenerator>
#include <QString>

#include <cmath>
#include <numbers>

namespace Store::Demo {

// Seeded noise for the curves and values.
class Noise
{
public:
    explicit Noise(quint32 seed) : m_random(seed) { }

    double uniform(double low, double high) { return low + (high - low) * m_random.generateDouble(); }
    int bounded(int high) { return int(m_random.bounded(high)); }
    double gaussian(double sigma = 1.0)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double u = 1.0 - m_random.generateDouble();
        const double v = m_random.generateDouble();
        return sigma * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }
    QString hex(int digits)
    {
        QString text;
        while (text.size() < digits)
            text += QStringLiteral("%1").arg(m_random.generate(), 8, 16, QLatin1Char('0'));
        return text.left(digits);
    }

private:
    QRandomGenerator m_random;
};

} // namespace Store::Demo
