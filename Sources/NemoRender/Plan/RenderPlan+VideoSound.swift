extension RenderPlan {
    /// The sound of the video clips: each plays from the clip's in-point for as long as the clip is on screen, at
    /// the clip's volume, fading in and out over the transitions around it (a crossfade of pictures is a crossfade
    /// of sound). A video without sound adds silence, not an error.
    func videoSound() -> [AudioClip] {
        clips.indices.compactMap { index -> AudioClip? in
            guard case .video(let path, let inPoint) = clips[index].source, clips[index].volume > 0 else { return nil }
            let (begin, last) = visibleInterval(of: index)
            let duration = last + 1 / Double(framesPerSecond) - begin
            guard duration > 0 else { return nil }
            let fadeIn = clips[index].transitionIn?.duration ?? Self.soundEdge
            let fadeOut = clips.indices.contains(index + 1) ? clips[index + 1].transitionIn?.duration : nil
            var sound = AudioClip(
                path: path, start: max(0, begin), duration: duration, volume: clips[index].volume,
                fadeIn: min(duration / 2, fadeIn), fadeOut: min(duration / 2, fadeOut ?? Self.soundEdge), loops: false)
            sound.sourceStart = inPoint
            sound.isVideoSound = true
            return sound
        }
    }

    /// The fade at a cut, in seconds: long enough that the sound does not click.
    static let soundEdge = 0.02
}
