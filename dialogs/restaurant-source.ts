// The restaurant's settings, read through the booking service and kept a few seconds, so a
// guest's turn does not cost a storage round trip for settings that rarely change.
import type { BookingService, Restaurant } from '../booking-core';

export class RestaurantSource {
  private cached: { restaurant: Restaurant; at: number } | null = null;

  // Freshness is measured on the real clock, not the booking clock (which tests freeze).
  constructor(
    private readonly bookings: BookingService,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<Restaurant> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.restaurant;
    const restaurant = await this.bookings.restaurant();
    this.cached = { restaurant, at: now };
    return restaurant;
  }
}
