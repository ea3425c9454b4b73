import Foundation

/// The gain of one clip at each of its sample frames: volume times the fade-in and fade-out curves.
struct ClipEnvelope: Sendable, Equatable {
    /// Gain in 0...1.
    let volume: Double
    /// Fade-in length in sample frames.
    let fadeInFrames: Int
    /// Fade-out length in sample frames.
    let fadeOutFrames: Int
    /// Where the fade-out ends, in frames from the clip's start (the clip's audible length).
    let endFrame: Int
    /// The fades' shape.
    let curve: AudioClip.FadeCurve

    /// The gain at `frame` frames after the clip's start (without a fade-out, frames past `endFrame` keep full gain:
    /// the end is only the container's estimate).
    func gain(at frame: Int) -> Double {
        var gain = volume
        if frame < fadeInFrames {
            gain *= shape(Double(frame) / Double(fadeInFrames))
        }
        let remaining = endFrame - frame
        if fadeOutFrames > 0, remaining < fadeOutFrames {
            gain *= shape(Double(max(remaining, 0)) / Double(fadeOutFrames))
        }
        return gain
    }

    /// The curve at progress `x` in 0...1 (0 silent, 1 full).
    private func shape(_ x: Double) -> Double {
        switch curve {
        case .linear: x
        case .equalPower: sin(x * Double.pi / 2)
        }
    }
}
