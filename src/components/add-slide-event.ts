/**
 * Event dispatched on window when the user adds a chart to the presenter deck (the app listens).
 * Its own module: the app shell listens without loading the chart code (views load on demand).
 */
export const ADD_SLIDE_EVENT = 'budget-compare:add-slide';
